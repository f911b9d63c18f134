import { parseArgs } from "node:util";
import { toSnakeCase } from "@tusk/registry";

/**
 * The scalar types a new resource's fields may have, with the column type each gets.
 *
 * @example
 * FIELD_TYPES.Decimal; // "@db.Decimal(10, 2)"
 */
export const FIELD_TYPES = {
  String: "@db.VarChar(200)",
  Int: "",
  Decimal: "@db.Decimal(10, 2)",
  Boolean: "",
  DateTime: "@db.Timestamptz(3)",
} as const;

/**
 * One of {@link FIELD_TYPES}.
 *
 * @example
 * const type: FieldType = "DateTime";
 */
export type FieldType = keyof typeof FIELD_TYPES;

/**
 * One field a client reads and writes.
 *
 * @example
 * const weight: FieldSpec = { name: "weightGrams", type: "Int", optional: true };
 */
export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly optional: boolean;
}

/**
 * What the command adds: a model with a numeric identifier, these fields, and timestamps.
 *
 * @example
 * const spec: ResourceSpec = parseSpec(["Manufacturer", "--public"]);
 */
export interface ResourceSpec {
  /** The Prisma model name, PascalCase and singular (`Manufacturer`). */
  readonly model: string;
  /** The URI segment and table name, snake_case and plural (`manufacturers`). */
  readonly path: string;
  readonly description: string;
  readonly fields: readonly FieldSpec[];
  /** Readable by anyone, without a token too. */
  readonly public: boolean;
}

/**
 * A command-line mistake, naming the argument at fault.
 *
 * @example
 * throw new UsageError("--field weight: write it as name:Type or name:Type?");
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** English plural of a snake_case noun, for the default path; `--path` overrides it. */
function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const RESERVED_FIELDS = new Set(["id", "createdAt", "updatedAt"]);

function parseField(text: string): FieldSpec {
  const [, name, type, optional] = /^([a-z][A-Za-z0-9]*):([A-Za-z]+)(\?)?$/.exec(text) ?? [];
  if (!name || !type)
    throw new UsageError(`--field ${text}: write it as name:Type or name:Type? (camelCase name)`);
  if (!(type in FIELD_TYPES))
    throw new UsageError(`--field ${text}: the type must be one of ${Object.keys(FIELD_TYPES).join(", ")}`);
  if (RESERVED_FIELDS.has(name)) throw new UsageError(`--field ${text}: ${name} is added anyway`);
  return { name, type: type as FieldType, optional: optional === "?" };
}

/**
 * Reads `<Name> [--path p] [--field name:Type[?]]... [--description text] [--public]`.
 *
 * @example
 * parseSpec(["Manufacturer", "--field", "name:String", "--field", "country:String?"]).path; // "manufacturers"
 */
export function parseSpec(args: readonly string[]): ResourceSpec {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      path: { type: "string" },
      field: { type: "string", multiple: true },
      description: { type: "string" },
      public: { type: "boolean", default: false },
    },
  });
  const [model, ...extra] = positionals;
  if (!model || extra.length > 0)
    throw new UsageError("give exactly one model name: add-resource Manufacturer");
  if (!/^[A-Z][A-Za-z0-9]*$/.test(model))
    throw new UsageError(`${model}: the model name is PascalCase and singular (Manufacturer)`);
  const path = values.path ?? plural(toSnakeCase(model));
  if (!/^[a-z][a-z0-9_]*$/.test(path))
    throw new UsageError(`--path ${path}: lowercase letters, digits and _`);
  const fields = (values.field ?? ["name:String"]).map(parseField);
  const names = fields.map((field) => field.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new UsageError(`--field ${repeated}: given twice`);
  return {
    model,
    path,
    description: values.description ?? `A ${toSnakeCase(model).replaceAll("_", " ")}.`,
    fields,
    public: values.public ?? false,
  };
}
