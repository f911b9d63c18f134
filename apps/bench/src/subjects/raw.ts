import type { ServerResponse } from "node:http";
import pg from "pg";
import type { Subject } from "./subject.ts";

// The same columns the APIs answer with; decimals as exact strings, as both APIs do.
const PRODUCT_COLUMNS = `p.id, p.name, p.description, p.price::text AS price, p.stock, p.created_at, p.updated_at`;

const ONE_PRODUCT = `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = $1`;

// At most 20 categories of product p, as the APIs embed them.
const CATEGORIES_OF_P = `
  COALESCE(
    (SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'description', c.description,
                                       'created_at', c.created_at, 'updated_at', c.updated_at) ORDER BY c.id)
       FROM (SELECT c.* FROM "_CategoryToProduct" cp JOIN categories c ON c.id = cp."A"
              WHERE cp."B" = p.id ORDER BY c.id LIMIT 20) c),
    '[]'::json) AS categories`;

const ONE_PRODUCT_WITH_CATEGORIES = `SELECT ${PRODUCT_COLUMNS}, ${CATEGORIES_OF_P} FROM products p WHERE p.id = $1`;

const PRODUCTS_OF_CATEGORY = `
SELECT ${PRODUCT_COLUMNS} FROM products p JOIN "_CategoryToProduct" cp ON cp."B" = p.id
 WHERE cp."A" = $1 ORDER BY p.id LIMIT $2`;

const PRODUCTS_BY_PRICE = `
SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.price >= $1 ORDER BY p.price DESC, p.id LIMIT $2`;

// One statement for the page and its categories: the fastest plan a hand-written server can use.
const PRODUCTS_WITH_CATEGORIES = `
SELECT ${PRODUCT_COLUMNS}, ${CATEGORIES_OF_P}
FROM (SELECT * FROM products ORDER BY id LIMIT $1) p
ORDER BY p.id`;

/**
 * The baseline: `node:http` and a `pg` pool (10 connections, as Prisma's), no
 * framework, one SQL statement per request. `GET /products/{id}` (`?zoom=categories`: with its
 * categories), `GET /products?limit=50` (with their categories), `GET /products?min_price=200&sort=-price`
 * and `GET /categories/{id}/products`.
 *
 * @example
 * const raw = rawSubject("postgresql://postgres@127.0.0.1:5432/tusk_bench");
 * createServer(raw.listener).listen(0);
 */
export function rawSubject(url: string): Subject {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let queries = 0;
  const query = (sql: string, params: unknown[]) => {
    queries++;
    return pool.query(sql, params);
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };
  const listener: Subject["listener"] = async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://raw");
      const limit = Math.min(Number(url.searchParams.get("limit") ?? 20) || 20, 100);
      const item = /^\/products\/(\d+)$/.exec(url.pathname);
      if (item) {
        const sql = url.searchParams.get("zoom") === "categories" ? ONE_PRODUCT_WITH_CATEGORIES : ONE_PRODUCT;
        const { rows } = await query(sql, [Number(item[1])]);
        return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { title: "Not Found" });
      }
      const relation = /^\/categories\/(\d+)\/products$/.exec(url.pathname);
      if (relation) {
        const { rows } = await query(PRODUCTS_OF_CATEGORY, [Number(relation[1]), limit]);
        return send(res, 200, { items: rows });
      }
      if (url.pathname === "/products") {
        const minPrice = url.searchParams.get("min_price");
        const { rows } = minPrice
          ? await query(PRODUCTS_BY_PRICE, [minPrice, limit])
          : await query(PRODUCTS_WITH_CATEGORIES, [limit]);
        return send(res, 200, { items: rows });
      }
      send(res, 404, { title: "Not Found" });
    } catch {
      send(res, 500, { title: "Internal Server Error" });
    }
  };
  return { listener, queries: () => queries, close: () => pool.end() };
}
