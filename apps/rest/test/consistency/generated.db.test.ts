import { type Resource, registry } from "@tusk/registry";
import { createContext } from "@tusk/schema";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "../../../../test-support/callers.ts";
import { readResourceFacts } from "../../src/operations/schema-facts.ts";
import { createTestApp, type TestApp } from "../harness.ts";
import {
  graphqlArgs,
  graphqlSelection,
  type ListQuery,
  listQuery,
  restSearch,
  type Samples,
  samplesOf,
} from "./arbitraries.ts";
import { compareItems } from "./compare.ts";
import { GraphqlSide, type ListSource } from "./graphql.ts";
import { RestSide } from "./rest.ts";

type Data = Record<string, unknown>;
type Link = { rel: string; href: string };

/** Runs per property: enough to reach every operator over the suite, few enough to stay fast. */
const RUNS = 30;
/** Pages walked per generated query. */
const PAGES = 3;

/**
 * For a generated query, REST and the equivalent GraphQL query return the
 * same ids in the same order with the same values, page after page (REST
 * following its `next` links, GraphQL its end cursors), or both refuse it.
 * Filters include conditions across relations (`categories.none.name=...`,
 * `line_items.count=gte(2)`).
 */
describe("generated queries: REST = GraphQL", () => {
  let t: TestApp;
  let gql: GraphqlSide;
  let rest: RestSide;
  const samples = new Map<Resource, Samples>();
  beforeAll(async () => {
    t = await createTestApp();
    gql = new GraphqlSide(t.schema, () =>
      createContext({ prisma: t.db.prisma, uris: t.uris, caller: ADMIN }),
    );
    rest = new RestSide(t.app);
    for (const resource of registry.rootResources) {
      samples.set(resource, samplesOf(resource, await gql.all({ kind: "root", resource })));
    }
  });
  afterAll(() => t.close());

  async function graphqlPages(source: ListSource, query: ListQuery) {
    const args = graphqlArgs(query);
    const pages: Data[][] = [];
    let after: string | null = null;
    for (let index = 0; index < PAGES; index++) {
      const page = await gql.page(source, { ...args, first: query.limit, after }, graphqlSelection(query));
      pages.push(page.nodes);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    return pages;
  }

  async function restPages(href: string, key: string) {
    const pages: Data[][] = [];
    let next: string | undefined = href;
    for (let index = 0; index < PAGES && next; index++) {
      const res = await rest.get(next);
      if (res.status !== 200) return { status: res.status, body: res.body, pages };
      pages.push(res.body[key]);
      next = (res.body._links as Link[]).find((link) => link.rel === "next")?.href;
    }
    return { status: 200, pages };
  }

  /** Compares one generated query; answers how many items the first page held (0 when both refused it). */
  async function agree(source: ListSource, href: string, query: ListQuery): Promise<number> {
    const target = source.kind === "root" ? source.resource : source.relation.target;
    const search = restSearch(target, query);
    const restSide = await restPages(`${href}?${search}`, target.path);
    let graphqlSide: Data[][];
    try {
      graphqlSide = await graphqlPages(source, query);
    } catch (error) {
      // GraphQL refuses the value (say, a substring that is no valid username): REST must refuse it too.
      expect(restSide.status, `${search}: GraphQL said ${(error as Error).message}`).toBe(400);
      return 0;
    }
    expect(restSide.status, `${search}: ${JSON.stringify(restSide.body)}`).toBe(200);
    expect(restSide.pages.length, search).toBe(graphqlSide.length);
    restSide.pages.forEach((page, index) => {
      const mismatches = compareItems(
        target,
        page,
        graphqlSide[index] ?? [],
        query.zoom,
        `${search} page ${index + 1}`,
      );
      expect(mismatches).toEqual([]);
    });
    return graphqlSide[0]?.length ?? 0;
  }

  /** Runs the property and checks it was not vacuous: some generated queries matched data. */
  async function check(
    arbitrary: fc.Arbitrary<ListQuery>,
    run: (query: ListQuery) => Promise<number>,
    numRuns: number,
  ) {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (query) => {
        if ((await run(query)) > 0) nonEmpty++;
      }),
      { numRuns },
    );
    expect(nonEmpty).toBeGreaterThanOrEqual(Math.ceil(numRuns / 5));
  }

  it("generates filters across every relation of every resource, with each quantifier and count", () => {
    for (const resource of registry.resources) {
      const facts = readResourceFacts(t.schema, resource);
      const arbitrary = listQuery(resource, facts, samples.get(resource) ?? new Map(), samples);
      const across = fc
        .sample(arbitrary, { numRuns: 600, seed: 42 })
        .flatMap((query) =>
          query.conditions.flatMap((condition) => (condition.across ? [condition.across] : [])),
        );
      for (const relation of resource.relations) {
        const quantifiers = new Set(
          across.filter((a) => a.relation === relation.name).map((a) => a.quantifier),
        );
        // Line items have no root collection to sample values from: only their count is generated.
        const expected =
          relation.target.parent !== undefined
            ? ["count"]
            : relation.cardinality === "to-one"
              ? ["is", "isNot"]
              : ["some", "none", "every", "count"];
        expect([...quantifiers].sort(), `${resource.path}.${relation.restName}`).toEqual(expected.sort());
      }
    }
  });

  for (const resource of registry.rootResources) {
    it(`${resource.path}: filters, sorts, pages, fields and zooms`, async () => {
      const facts = readResourceFacts(t.schema, resource);
      const arbitrary = listQuery(resource, facts, samples.get(resource) ?? new Map(), samples);
      await check(
        arbitrary,
        (query) => agree({ kind: "root", resource }, t.uris.collection(resource), query),
        RUNS,
      );
    });
  }

  // Relational lists: each to-many relation of the first item of its resource (line items through orders).
  for (const resource of registry.rootResources) {
    for (const relation of resource.relations.filter((r) => r.cardinality !== "to-one")) {
      it(`${resource.path} -> ${relation.restName}: filters, sorts, pages, fields and zooms`, async () => {
        const [first] = (await gql.page({ kind: "root", resource }, { first: 1 })).nodes;
        const item = { resource, id: first?.[resource.identifier.field.name] };
        const source: ListSource = { kind: "relation", item, relation };
        const target = relation.target;
        const targetSamples = samples.get(target) ?? samplesOf(target, await gql.all(source));
        const arbitrary = listQuery(target, readResourceFacts(t.schema, target), targetSamples, samples);
        const href = t.uris.relation(resource, first as Data, relation);
        await check(arbitrary, (query) => agree(source, href, query), Math.ceil(RUNS / 3));
      });
    }
  }
});
