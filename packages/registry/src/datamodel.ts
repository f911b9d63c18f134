import { readFileSync } from "node:fs";

/** The subset of Prisma's DMMF data model the registry reads. */
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

export interface DatamodelModel {
  readonly name: string;
  readonly dbName: string | null;
  readonly documentation?: string;
  readonly fields: readonly DatamodelField[];
}

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
