/**
 * Modified copies of the real data model and registry definition, for load-time failure tests.
 * Each test changes one thing in a fresh copy, so the originals are never touched.
 */
import type {
  Datamodel,
  DatamodelField,
  DatamodelModel,
  RegistryDefinition,
  ResourceEntry,
} from "../src/index.ts";
import { definition, readGeneratedDatamodel } from "../src/index.ts";

type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

export type MutableDatamodel = DeepMutable<Datamodel>;
export type MutableField = DeepMutable<DatamodelField>;
export type MutableDefinition = {
  resources: Record<string, DeepMutable<ResourceEntry>>;
  internal: string[];
};

/** A fresh deep copy of the generated data model. */
export function datamodelCopy(): MutableDatamodel {
  return structuredClone(readGeneratedDatamodel()) as MutableDatamodel;
}

/** A fresh deep copy of the registry definition. */
export function definitionCopy(): MutableDefinition {
  const copy = structuredClone(definition) as unknown as MutableDefinition;
  copy.internal ??= [];
  return copy;
}

/** A model of the copy, by name; throws when absent so tests fail clearly. */
export function modelOf(datamodel: MutableDatamodel, name: string): DeepMutable<DatamodelModel> {
  const model = datamodel.models.find((m) => m.name === name);
  if (!model) throw new Error(`no model ${name}`);
  return model;
}

/** A scalar field as Prisma's DMMF describes it, with the usual defaults. */
export function scalarField(name: string, type: string, extra: Partial<MutableField> = {}): MutableField {
  return {
    name,
    kind: "scalar",
    isList: false,
    isRequired: true,
    isUnique: false,
    isId: false,
    isReadOnly: false,
    hasDefaultValue: false,
    isUpdatedAt: false,
    type,
    ...extra,
  };
}

/** A relation field as Prisma's DMMF describes it. */
export function relationField(
  name: string,
  target: string,
  relationName: string,
  extra: Partial<MutableField> = {},
): MutableField {
  return {
    ...scalarField(name, target),
    kind: "object",
    relationName,
    relationFromFields: [],
    relationToFields: [],
    ...extra,
  };
}

export type { RegistryDefinition };
