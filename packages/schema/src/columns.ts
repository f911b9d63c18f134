import { type Resource, type ResourceField, readGeneratedDatamodel } from "@tusk/registry";

/** What the database column allows, read from the Prisma data model's native types. */
export interface ColumnLimits {
  /** `VarChar(n)` / `Char(n)`: the most characters a value may have. */
  readonly maxLength?: number;
  /** `Decimal(p, s)`: total digits. */
  readonly precision?: number;
  /** `Decimal(p, s)`: digits after the point; also the scale decimals are printed with. */
  readonly scale?: number;
}

type NativeType = readonly [string, readonly string[]] | null | undefined;

let byModel: Map<string, Map<string, NativeType>> | undefined;

function nativeTypes(): Map<string, Map<string, NativeType>> {
  if (!byModel) {
    // The registry keeps what both APIs expose; column sizes stay in the data model, read once.
    const models = readGeneratedDatamodel().models as readonly {
      name: string;
      fields: readonly { name: string; nativeType?: NativeType }[];
    }[];
    byModel = new Map(models.map((m) => [m.name, new Map(m.fields.map((f) => [f.name, f.nativeType]))]));
  }
  return byModel;
}

/**
 * The limits of the column behind a resource field; empty when the column has none.
 *
 * @example
 * columnLimits(products, products.field("price")!); // { precision: 12, scale: 2 }
 * columnLimits(users, users.field("email")!); // { maxLength: 320 }
 */
export function columnLimits(resource: Resource, field: ResourceField): ColumnLimits {
  const native = nativeTypes().get(resource.model)?.get(field.name);
  if (!native) return {};
  const [kind, args] = native;
  const numbers = args.map(Number);
  if ((kind === "VarChar" || kind === "Char") && numbers[0]) return { maxLength: numbers[0] };
  if (kind === "Decimal" && numbers.length === 2) return { precision: numbers[0]!, scale: numbers[1]! };
  return {};
}
