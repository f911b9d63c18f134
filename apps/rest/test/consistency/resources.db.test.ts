import { type Resource, registry } from "@tusk/registry";
import { createContext } from "@tusk/schema";
import type { ExecutionResult } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN } from "../../../../test-support/callers.ts";
import { createRestApp } from "../../src/app.ts";
import type { GraphqlExecutor } from "../../src/executor/index.ts";
import { createTestApp, type TestApp } from "../harness.ts";
import { compareItems } from "./compare.ts";
import { GraphqlSide, type ItemRef } from "./graphql.ts";
import { RestSide } from "./rest.ts";

type Data = Record<string, unknown>;
type Link = { rel: string; href: string; method: string; name?: string };

const SAMPLE = 4;

describe("REST = GraphQL for every resource and relation", () => {
  let t: TestApp;
  let gql: GraphqlSide;
  let rest: RestSide;
  beforeAll(async () => {
    t = await createTestApp();
    gql = new GraphqlSide(t.schema, () =>
      createContext({ prisma: t.db.prisma, uris: t.uris, caller: ADMIN }),
    );
    rest = new RestSide(t.app);
  });
  afterAll(() => t.close());

  const refOf = (resource: Resource, node: Data): ItemRef => {
    const [foreignKey] = resource.parent?.relation.foreignKeys ?? [];
    return {
      resource,
      id: node[resource.identifier.field.name],
      ...(foreignKey ? { parentId: node[foreignKey] } : {}),
    };
  };

  /** A few items of a resource: the first of its collection, or of its first parents' collections. */
  async function sample(resource: Resource): Promise<Data[]> {
    const nesting = resource.parent;
    if (!nesting) return (await gql.page({ kind: "root", resource }, { first: SAMPLE })).nodes;
    const parents = await sample(nesting.resource);
    const nodes: Data[] = [];
    for (const parent of parents) {
      const source = {
        kind: "relation" as const,
        item: refOf(nesting.resource, parent),
        relation: nesting.collection,
      };
      nodes.push(...(await gql.page(source, { first: 2 })).nodes);
    }
    return nodes;
  }

  const itemHref = (resource: Resource, node: Data) => t.uris.item(resource, node);

  for (const resource of registry.rootResources) {
    it(`${resource.path}: the whole collection, page by page, is the same`, async () => {
      const restList = await rest.all(`${t.uris.collection(resource)}?limit=100`, resource.path);
      const graphqlList = await gql.all({ kind: "root", resource });
      expect(graphqlList.length).toBeGreaterThan(0);
      expect(compareItems(resource, restList.items, graphqlList)).toEqual([]);
    });
  }

  for (const resource of registry.resources) {
    it(`${resource.path}: items are the same`, async () => {
      const nodes = await sample(resource);
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const body = await rest.body(itemHref(resource, node));
        const graphqlItem = await gql.item(refOf(resource, node));
        expect(compareItems(resource, body[resource.path] as Data[], [graphqlItem as Data])).toEqual([]);
      }
    });

    for (const relation of resource.relations) {
      it(`${resource.path} -> ${relation.restName}: the relation is the same`, async () => {
        let compared = 0;
        for (const node of await sample(resource)) {
          const item = (await rest.body(itemHref(resource, node)))[resource.path] as Data[];
          const links = (item[0]?._links ?? []) as Link[];
          const link = links.find((l) => l.name === relation.restName);
          expect(link, `link to ${relation.restName}`).toBeDefined();
          const ref = refOf(resource, node);
          if (relation.cardinality === "to-one") {
            const graphqlTarget = await gql.toOne(ref, relation);
            const res = await rest.get(link?.href ?? "");
            if (graphqlTarget === null) {
              expect(res.status).toBe(404);
              continue;
            }
            expect(compareItems(relation.target, res.body[relation.target.path], [graphqlTarget])).toEqual(
              [],
            );
            compared++;
            continue;
          }
          const restList = await rest.all(`${link?.href}?limit=100`, relation.target.path);
          const graphqlList = await gql.all({ kind: "relation", item: ref, relation });
          expect(compareItems(relation.target, restList.items, graphqlList)).toEqual([]);
          compared += graphqlList.length;
          const [member] = graphqlList;
          if (member) {
            // A relational item is the member's own representation, served in place.
            const targetId = member[relation.target.identifier.field.name];
            const res = await rest.get(`${link?.href}/${encodeURIComponent(String(targetId))}`);
            expect(res.status).toBe(200);
            const canonical = await gql.item(refOf(relation.target, member));
            expect(
              compareItems(relation.target, res.body[relation.target.path], [canonical as Data]),
            ).toEqual([]);
          }
        }
        expect(compared, "some related data was compared").toBeGreaterThan(0);
      });
    }
  }

  describe("the comparison fails when one side is altered", () => {
    /** The app again, over an executor whose answers pass through `alter`. */
    function alteredApp(alter: (data: Data) => void) {
      const executor: GraphqlExecutor = {
        schema: () => t.executor.schema(),
        async run(operation, variables, credentials): Promise<ExecutionResult> {
          const result = await t.executor.run(operation, variables, credentials);
          if (result.data) alter(result.data as Data);
          return result;
        },
      };
      return new RestSide(createRestApp({ registry, uris: t.uris, executor }));
    }
    const products = registry.byPath("products") as Resource;

    async function compareFirstPage(side: RestSide) {
      const body = await side.body(`${t.uris.collection(products)}?limit=5`);
      const { nodes } = await gql.page({ kind: "root", resource: products }, { first: 5 });
      return compareItems(products, body.products as Data[], nodes);
    }

    it("agrees when nothing is altered", async () => {
      expect(await compareFirstPage(alteredApp(() => {}))).toEqual([]);
    });

    it("reports a dropped item", async () => {
      const dropLast = (data: Data) => (data.conn as { nodes: Data[] }).nodes.pop();
      const mismatches = await compareFirstPage(alteredApp(dropLast));
      expect(mismatches).toHaveLength(1);
      expect(mismatches[0]).toMatch(/^products: ids differ/);
    });

    it("reports a changed price", async () => {
      const cheapen = (data: Data) => {
        const [first] = (data.conn as { nodes: Data[] }).nodes;
        if (first) first.price = "0.01";
      };
      const mismatches = await compareFirstPage(alteredApp(cheapen));
      expect(mismatches).toEqual([expect.stringMatching(/\.price: REST "0\.01", GraphQL "\d+\.\d+"$/)]);
    });
  });
});
