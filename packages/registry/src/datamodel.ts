import { readFileSync } from "node:fs";

/**
 * One field of a model in Prisma's DMMF data model, as far as the registry reads it.
 *
 * @example
 * readGeneratedDatamodel().models[0]?.fields.find((f) => f.isId)?.name; // "username"
 */
export interface DatamodelField {
  readonly name: string;
  readonly dbName?: string | null;
  readonly kind: "scalar" | "object" | "enum" | "unsupported";
  readonly isList: boolean;
  readonly isRequired: boolean;
  readonly isUnique: boolean;
  readonly isId: boolean;
  readonly isReadOnly: boolean;
  readonly hasDefaultValue: boolean;
  readonly isUpdatedAt: boolean;
  readonly type: string;
  readonly documentation?: string;
  readonly relationName?: string | null;
  readonly relationFromFields?: readonly string[];
  readonly relationToFields?: readonly string[];
  readonly default?: unknown;
}

/**
 * One model of Prisma's DMMF data model.
 *
 * @example
 * readGeneratedDatamodel().models.find((m) => m.name === "Book")?.dbName; // "books"
 */
export interface DatamodelModel {
  readonly name: string;
  readonly dbName: string | null;
  readonly documentation?: string;
  readonly fields: readonly DatamodelField[];
}

/**
 * The subset of Prisma's DMMF data model the registry reads.
 *
 * @example
 * const datamodel: Datamodel = readGeneratedDatamodel();
 */
export interface Datamodel {
  readonly models: readonly DatamodelModel[];
}

const generatedPath = new URL("../generated/datamodel.json", import.meta.url);

/**
 * Reads the data model that `npm run generate` wrote from prisma/schema.prisma.
 *
 * @example
 * const datamodel = readGeneratedDatamodel();
 * datamodel.models.map((m) => m.name); // ["User", "Category", ...]
 */
export function readGeneratedDatamodel(): Datamodel {
  try {
    return JSON.parse(readFileSync(generatedPath, "utf8")) as Datamodel;
  } catch (cause) {
    throw new Error(
      `The Prisma data model has not been generated (${generatedPath.pathname}); run \`npm run generate\`.`,
      { cause },
    );
  }
}
