/**
 * The format-neutral model of a response: the NARWHL-JSON and HAL writers
 * both serialise it, so they can never disagree on data or links.
 */

/** One link: NARWHL-JSON's `{rel, href, method}`. */
export interface HyperLink {
  readonly rel: string;
  readonly href: string;
  readonly method: string;
  /** The relation's own name (`categories`), so clients need not parse `rel` URIs. */
  readonly name?: string;
}

/** One resource: its snake_case members, links and, when zoomed, embedded resources. */
export interface RestItem {
  readonly data: Readonly<Record<string, unknown>>;
  readonly links: readonly HyperLink[];
  readonly embeds: readonly RestEmbed[];
}

/** Resources embedded through one zoomed relation, keyed by the target's plural path. */
export interface RestEmbed {
  readonly key: string;
  /** The rel of the relation link this embed expands. */
  readonly rel: string;
  readonly toOne: boolean;
  readonly items: readonly RestItem[];
}

/** A list's total (`_meta`): the matching items on all pages, and whether it is exact or PostgreSQL's estimate. */
export interface RestTotal {
  readonly count: number;
  readonly method: "exact" | "estimated";
}

/** A whole response body: items under the resource key (one for an item), plus document links. */
export interface RestDocument {
  readonly key: string;
  readonly items: readonly RestItem[];
  readonly links: readonly HyperLink[];
  /** An item response (HAL renders it as an object rather than a collection). */
  readonly single: boolean;
  /** A list's total, when the request asked for one. */
  readonly total?: RestTotal;
}

/** The `_meta` member of a list that carries its total; none otherwise. */
export function metaMember(document: RestDocument): Record<string, unknown> {
  const { total } = document;
  return total ? { _meta: { count: total.count, count_method: total.method } } : {};
}
