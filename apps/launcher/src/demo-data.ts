import { type Database, seed } from "@tusk/db";
import type { Registry } from "@tusk/registry";

/** True when no resource of the registry has a single row. */
export async function isEmpty(db: Database, registry: Registry): Promise<boolean> {
  for (const resource of registry.resources) {
    // Models are reached by name from the registry: the generated client names its delegates after them.
    const delegate = (db.prisma as unknown as Record<string, { findFirst(args: object): Promise<unknown> }>)[
      resource.singular
    ];
    if (!delegate) throw new Error(`The Prisma client has no model ${resource.model}`);
    if ((await delegate.findFirst({})) !== null) return false;
  }
  return true;
}

/**
 * Seeds the small demo data set on an empty database only, so data a developer
 * changed or deleted is not brought back on the next start.
 *
 * @example
 * await seedIfEmpty(db, registry); // true the first time, false after
 */
export async function seedIfEmpty(db: Database, registry: Registry): Promise<boolean> {
  if (!(await isEmpty(db, registry))) return false;
  await seed(db, { scale: 0 });
  return true;
}
