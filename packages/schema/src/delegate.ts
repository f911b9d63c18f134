import type { Resource } from "@tusk/registry";

type Args = Record<string, unknown>;
type Row = Record<string, unknown>;

/**
 * The part of a Prisma model delegate the schema uses. Models are reached by name from the
 * registry, so the generated per-model types cannot be named statically here.
 */
export interface ModelDelegate {
  findMany(args: Args): Promise<Row[]>;
  findUnique(args: Args): Promise<Row | null>;
  count(args: Args): Promise<number>;
  aggregate(args: Args): Promise<Row>;
  groupBy(args: Args): Promise<Row[]>;
  create(args: Args): Promise<Row>;
  update(args: Args): Promise<Row>;
  delete(args: Args): Promise<Row>;
  updateMany(args: Args): Promise<{ count: number }>;
  deleteMany(args: Args): Promise<{ count: number }>;
}

/**
 * The Prisma delegate of a resource's model (`prisma.lineItem` for `LineItem`).
 *
 * @example
 * await delegate(prisma, products).count({ where: {} });
 */
export function delegate(prisma: object, resource: Resource): ModelDelegate {
  const found = (prisma as Record<string, unknown>)[resource.singular];
  if (!found) throw new Error(`The Prisma client has no model ${resource.model}`);
  return found as ModelDelegate;
}
