import { toSnakeCase } from "@tusk/registry";
import { FIELD_TYPES, type ResourceSpec } from "./spec.ts";

/** `@map("snake_name")` when the column name differs from the field name. */
function mapTo(name: string): string {
  const column = toSnakeCase(name);
  return column === name ? "" : `@map("${column}")`;
}

/**
 * The Prisma model of a new resource, in the habits of the existing ones: a `///` description,
 * a server-assigned numeric id, the given fields, `createdAt`/`updatedAt`, snake_case names
 * in the database.
 *
 * @example
 * modelSkeleton(parseSpec(["Manufacturer"])); // "/// A manufacturer.\nmodel Manufacturer {\n  id ..."
 */
export function modelSkeleton(spec: ResourceSpec): string {
  const rows: string[][] = [
    ["id", "Int", "@id @default(autoincrement())"],
    ...spec.fields.map((field) => [
      field.name,
      `${field.type}${field.optional ? "?" : ""}`,
      [mapTo(field.name), FIELD_TYPES[field.type]].filter(Boolean).join(" "),
    ]),
    ["createdAt", "DateTime", '@default(now()) @map("created_at") @db.Timestamptz(3)'],
    ["updatedAt", "DateTime", '@updatedAt @map("updated_at") @db.Timestamptz(3)'],
  ];
  const width = (column: number) => Math.max(...rows.map((row) => row[column]?.length ?? 0));
  const lines = rows.map(([name = "", type = "", attributes = ""]) =>
    `  ${name.padEnd(width(0))} ${type.padEnd(width(1))} ${attributes}`.trimEnd(),
  );
  return `/// ${spec.description}\nmodel ${spec.model} {\n${lines.join("\n")}\n\n  @@map("${spec.path}")\n}\n`;
}

/**
 * The schema with the model appended; refuses a model or table that is already there.
 *
 * @example
 * addModel(readFileSync("prisma/schema.prisma", "utf8"), modelSkeleton(spec));
 */
export function addModel(schema: string, spec: ResourceSpec): string {
  if (new RegExp(`^model ${spec.model} \\{`, "m").test(schema))
    throw new Error(`prisma/schema.prisma already has a model ${spec.model}`);
  if (schema.includes(`@@map("${spec.path}")`))
    throw new Error(`prisma/schema.prisma already maps a model to the table ${spec.path}`);
  return `${schema.trimEnd()}\n\n${modelSkeleton(spec)}`;
}
