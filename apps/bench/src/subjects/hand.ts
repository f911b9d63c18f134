import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@tusk/db";
import express from "express";
import type { Subject, SubjectOptions } from "./subject.ts";

type ProductRow = Prisma.ProductGetPayload<{ include: { categories: true } }>;

/**
 * The peer a user would write by hand: Express 5 and the project's Prisma client over
 * `@prisma/adapter-pg` (pool of 10), `findUnique` / `findMany` with `include`, JSON with `href`
 * links. `GET /products/{id}`, `GET /products?limit=&include=categories&min_price=&sort=-price&after=`,
 * `GET /categories/{id}/products`.
 *
 * @example
 * const hand = handSubject({ databaseUrl, baseUrl: "http://127.0.0.1:4002" });
 */
export function handSubject(options: SubjectOptions): Subject {
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: options.databaseUrl, max: 10 }),
    ...(options.countQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  let queries = 0;
  if (options.countQueries)
    prisma.$on("query" as never, () => {
      queries++;
    });

  const href = (path: string) => `${options.baseUrl}${path}`;
  const product = (p: Omit<ProductRow, "categories"> & Partial<Pick<ProductRow, "categories">>) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    price: p.price.toString(),
    stock: p.stock,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    href: href(`/products/${p.id}`),
    ...(p.categories
      ? { categories: p.categories.map((c) => ({ ...c, href: href(`/categories/${c.id}`) })) }
      : {}),
  });
  const limitOf = (value: unknown) => Math.min(Number(value) || 20, 100);

  const app = express();
  app.disable("x-powered-by");
  app.get("/products/:id", async (req, res) => {
    const found = await prisma.product.findUnique({ where: { id: Number(req.params.id) } });
    if (found) res.json(product(found));
    else res.status(404).json({ error: "not found" });
  });
  app.get("/products", async (req, res) => {
    const minPrice = typeof req.query.min_price === "string" ? req.query.min_price : undefined;
    const after = Number(req.query.after);
    const rows = await prisma.product.findMany({
      take: limitOf(req.query.limit),
      // Keyset pagination, as Prisma documents it: from the row after `after`.
      ...(after > 0 ? { cursor: { id: after }, skip: 1 } : {}),
      ...(minPrice ? { where: { price: { gte: minPrice } } } : {}),
      orderBy: req.query.sort === "-price" ? [{ price: "desc" }, { id: "asc" }] : [{ id: "asc" }],
      ...(req.query.include === "categories"
        ? { include: { categories: { take: 20, orderBy: { id: "asc" } } } }
        : {}),
    });
    res.json({ products: rows.map(product) });
  });
  app.get("/categories/:id/products", async (req, res) => {
    const rows = await prisma.product.findMany({
      where: { categories: { some: { id: Number(req.params.id) } } },
      take: limitOf(req.query.limit),
      orderBy: { id: "asc" },
    });
    res.json({ products: rows.map(product) });
  });
  return { listener: app, queries: () => queries, close: () => prisma.$disconnect() };
}
