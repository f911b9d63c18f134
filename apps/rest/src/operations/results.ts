import type { PageInfo } from "../query/pages.ts";

type Data = Record<string, unknown>;

/**
 * The aliases prepared documents give the fields they read: the document builder writes them
 * and {@link results} reads them, so no handler spells one.
 */
export const ALIAS = {
  /** The located item, or what a mutation returns. */
  node: "node",
  /** A nested-only item's parent, around `node`. */
  parent: "parent",
  /** A root collection's page. */
  connection: "conn",
  /** An aggregate over a collection. */
  aggregate: "agg",
  /** A relation of the located item: one record or a page. */
  related: "rel",
  /** How many rows a filtered update or delete changed. */
  count: "count",
} as const;

/** One page of a list: its records, where the next and previous pages are, and the total when asked for. */
export interface Connection {
  readonly nodes: Data[];
  readonly pageInfo: PageInfo;
  readonly totalCount?: number;
  /** How `totalCount` was counted, as the GraphQL enum names it. */
  readonly totalCountMethod?: "EXACT" | "ESTIMATED";
}

/** Typed readers of an executed operation's `data`, or of its located source (see `located`). */
export const results = {
  /** What a mutation returned, or the located item of an item query. */
  node: (data: Data): Data => data[ALIAS.node] as Data,
  /** What a bulk create returned: the created items, in the order given. */
  nodes: (data: Data): Data[] => data[ALIAS.node] as Data[],
  /** How many rows a filtered update or delete changed. */
  count: (data: Data): number => data[ALIAS.count] as number,
  /** A collection query's page. */
  connection: (data: Data): Connection => data[ALIAS.connection] as Connection,
  /** An aggregate query's values. */
  aggregate: (data: Data): Data => data[ALIAS.aggregate] as Data,
  /** A to-one relation of the located source; null when it has none. */
  relatedOne: (source: Data): Data | null => source[ALIAS.related] as Data | null,
  /** A to-many relation's page, of the located source. */
  relatedPage: (source: Data): Connection => source[ALIAS.related] as Connection,
};
