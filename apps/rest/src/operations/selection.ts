import type { Resource, ResourceRelation } from "@tusk/registry";

/**
 * Field selection and zoom vary with variables, not with the document: every
 * scalar a client may leave out is selected with `@include(if: $f_<field>)`
 * and every zoomable relation with `@include(if: $z_<relation>)`. One document
 * per route shape then serves every `?fields=`/`?zoom=` combination, so it is
 * validated and JIT-compiled once, and no cache of selection variants (which
 * a client could grow without bound) is needed.
 */

/**
 * Embedded lists carry their first page at the default page size. The whole
 * document must pass the schema's static cost limit with `$first` at its
 * maximum, which a larger embedded page would exceed.
 */
export const EMBED_LIMIT = 20;

/** Fields every representation needs to build its URIs: the identifier and the parent's key. */
export function alwaysSelected(resource: Resource): ReadonlySet<string> {
  return new Set([resource.identifier.field.name, ...(resource.parent?.relation.foreignKeys ?? [])]);
}

/** Scalars a client may drop with `?fields=`. */
export function optionalFields(resource: Resource): string[] {
  const always = alwaysSelected(resource);
  return resource.fields.filter((field) => !always.has(field.name)).map((field) => field.name);
}

const fieldVariable = (field: string) => `f_${field}`;
const zoomVariable = (relation: ResourceRelation) => `z_${relation.name}`;

function allScalars(resource: Resource): string {
  return `{ ${resource.fields.map((field) => field.name).join(" ")} }`;
}

/** `user @include(...) { ... }` or `categories(first: 100) @include(...) { nodes { ... } }`. */
function embedded(relation: ResourceRelation): string {
  const scalars = allScalars(relation.target);
  const include = `@include(if: $${zoomVariable(relation)})`;
  return relation.cardinality === "to-one"
    ? `${relation.name} ${include} ${scalars}`
    : `${relation.name}(first: ${EMBED_LIMIT}) ${include} { nodes ${scalars} }`;
}

/** The selection of one resource node, with its `@include` variables. */
export function nodeSelection(resource: Resource): { text: string; variables: string[] } {
  const always = alwaysSelected(resource);
  const parts: string[] = [];
  const variables: string[] = [];
  for (const field of resource.fields) {
    if (always.has(field.name)) {
      parts.push(field.name);
    } else {
      parts.push(`${field.name} @include(if: $${fieldVariable(field.name)})`);
      variables.push(`$${fieldVariable(field.name)}: Boolean!`);
    }
  }
  for (const relation of resource.relations) {
    parts.push(embedded(relation));
    variables.push(`$${zoomVariable(relation)}: Boolean!`);
  }
  return { text: `{ ${parts.join(" ")} }`, variables };
}

/** Values for the `@include` variables: which fields and zoomed relations to fetch. */
export function selectionVariables(
  resource: Resource,
  fields: ReadonlySet<string> | undefined,
  zoom: ReadonlySet<string> = new Set(),
): Record<string, boolean> {
  const values: Record<string, boolean> = {};
  for (const field of optionalFields(resource))
    values[fieldVariable(field)] = fields === undefined || fields.has(field);
  for (const relation of resource.relations) values[zoomVariable(relation)] = zoom.has(relation.name);
  return values;
}

export const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";

/**
 * A list's total and how it was counted, selected only when a request asks for it
 * (`$counted`): counting is work the database does only then.
 */
export const TOTAL = {
  text: "totalCount @include(if: $counted) totalCountMethod @include(if: $counted)",
  variable: "$counted: Boolean!",
} as const;
