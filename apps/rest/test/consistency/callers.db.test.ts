/**
 * REST = GraphQL for four callers: anonymous, jdoe, another customer and admin each see the same
 * rows and fields in both APIs, and are refused the same things (docs/security.md).
 */
import { ANONYMOUS, type Caller, permits } from "@tusk/auth";
import { type Resource, registry } from "@tusk/registry";
import { createContext } from "@tusk/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, customer, testAuthenticator } from "../../../../test-support/callers.ts";
import { createInProcessRestApp } from "../../src/in-process-app.ts";
import { BASE, createTestApp, type TestApp } from "../harness.ts";
import { compareItems } from "./compare.ts";
import { GraphqlSide, type ItemRef } from "./graphql.ts";
import { RestSide } from "./rest.ts";

type Data = Record<string, unknown>;

/** What one caller meets in each API. */
interface Side {
  readonly name: string;
  readonly caller: Caller;
  readonly rest: RestSide;
  readonly gql: GraphqlSide;
}

/** How a refusal reads in each API. */
const REFUSAL = { UNAUTHENTICATED: 401, FORBIDDEN: 403 } as const;

let t: TestApp;
let sides: Side[];
/** A few items of each resource as admin sees them: some of jdoe's, some of another customer's, some of nobody's. */
const samples = new Map<Resource, ItemRef[]>();

function side(name: string, caller: Caller): Side {
  const app = createInProcessRestApp({
    db: t.db,
    baseUrl: BASE,
    authenticator: testAuthenticator(caller),
  }).app;
  const gql = new GraphqlSide(t.schema, () => createContext({ prisma: t.db.prisma, uris: t.uris, caller }));
  return { name, caller, rest: new RestSide(app), gql };
}

beforeAll(async () => {
  t = await createTestApp();
  const other = await t.db.prisma.order.findFirst({
    where: { username: { not: "jdoe" }, lineItems: { some: {} }, user: { vehicles: { some: {} } } },
    select: { username: true },
  });
  if (!other) throw new Error("the seed has no other customer with orders and vehicles");
  sides = [
    side("anonymous", ANONYMOUS),
    side("jdoe", customer("jdoe")),
    side(other.username, customer(other.username)),
    side("admin", ADMIN),
  ];
  const admin = sides[3]!.gql;
  for (const resource of registry.rootResources) {
    const owned = resource.access.owner
      ? await Promise.all(
          ["jdoe", other.username].map((username) =>
            admin.page({ kind: "root", resource }, { first: 2, where: ownerWhere(resource, username) }),
          ),
        )
      : [];
    const firstPage = await admin.page({ kind: "root", resource }, { first: 2 });
    const nodes = [...owned.flatMap((page) => page.nodes), ...firstPage.nodes];
    samples.set(
      resource,
      nodes.map((node) => ({ resource, id: node[resource.identifier.field.name] })),
    );
  }
});
afterAll(() => t?.close());

/** A GraphQL filter for a root resource's rows owned by a user: the row itself, or its username key. */
function ownerWhere(resource: Resource, username: string): Data {
  const owner = resource.access.owner;
  if (owner?.kind === "self") return { [resource.identifier.field.name]: { equals: username } };
  const [key] = owner?.kind === "relation" ? owner.relation.foreignKeys : [];
  return { [key ?? "none"]: { equals: username } };
}

/** The GraphQL answer, or the code of the refusal it failed with. */
async function graphqlOutcome<T>(
  run: () => Promise<T>,
): Promise<{ data: T } | { code: keyof typeof REFUSAL }> {
  try {
    return { data: await run() };
  } catch (error) {
    const code = ((error as { codes?: string[] }).codes ?? []).find((found) => found in REFUSAL);
    if (code) return { code: code as keyof typeof REFUSAL };
    throw error;
  }
}

/** REST's status for the GraphQL outcome: the refusal's status, 404 for null, else 200. */
function expectedStatus(outcome: { data: unknown } | { code: keyof typeof REFUSAL }): number {
  if ("code" in outcome) return REFUSAL[outcome.code];
  return outcome.data === null ? 404 : 200;
}

describe("REST = GraphQL for anonymous, jdoe, another customer and admin", () => {
  for (const resource of registry.rootResources) {
    it(`${resource.path}: each caller gets the same first page, or the same refusal`, async () => {
      for (const { name, caller, rest, gql } of sides) {
        const res = await rest.get(`${t.uris.collection(resource)}?limit=50`);
        const outcome = await graphqlOutcome(() => gql.page({ kind: "root", resource }, { first: 50 }));
        expect("code" in outcome, name).toBe(!permits(caller, resource, "read"));
        expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(expectedStatus(outcome));
        if ("code" in outcome) {
          expect(res.headers["www-authenticate"], name).toMatch(/^Bearer realm="tusk"/);
          continue;
        }
        expect(compareItems(resource, res.body[resource.path] as Data[], outcome.data.nodes), name).toEqual(
          [],
        );
        if (resource.access.owner && caller.kind === "user" && name !== "admin")
          expect(outcome.data.nodes.length, `${name} owns some ${resource.path}`).toBeGreaterThan(0);
      }
    });

    it(`${resource.path}: each caller finds the same items and relations of them, or none`, async () => {
      const refs = samples.get(resource) ?? [];
      expect(refs.length).toBeGreaterThan(0);
      /** Which outcomes each caller met, so the suite shows it compared refusals and absences too. */
      const met = new Set<string>();
      for (const ref of refs) {
        const record = { [resource.identifier.field.name]: ref.id };
        for (const { name, rest, gql } of sides) {
          const where = `${name}: ${resource.path} ${String(ref.id)}`;
          const item = await graphqlOutcome(() => gql.item(ref));
          const res = await rest.get(t.uris.item(resource, record));
          expect(res.status, where).toBe(expectedStatus(item));
          met.add(`${name}: ${"code" in item ? "refused" : item.data === null ? "absent" : "found"}`);
          if (!("data" in item) || item.data === null) continue;
          expect(compareItems(resource, res.body[resource.path] as Data[], [item.data]), where).toEqual([]);
          for (const relation of resource.relations) {
            const href = t.uris.relation(resource, record, relation);
            const target = relation.target;
            if (relation.cardinality === "to-one") {
              const node = await graphqlOutcome(() => gql.toOne(ref, relation));
              const one = await rest.get(href);
              expect(one.status, `${where} ${relation.name}`).toBe(expectedStatus(node));
              if ("data" in node && node.data)
                expect(compareItems(target, one.body[target.path] as Data[], [node.data]), where).toEqual([]);
              continue;
            }
            const page = await graphqlOutcome(() =>
              gql.page({ kind: "relation", item: ref, relation }, { first: 20 }),
            );
            const list = await rest.get(`${href}?limit=20`);
            expect(list.status, `${where} ${relation.name}`).toBe(expectedStatus(page));
            if ("data" in page)
              expect(compareItems(target, list.body[target.path] as Data[], page.data.nodes), where).toEqual(
                [],
              );
          }
        }
      }
      const other = sides[2]!;
      const expected = resource.access.owner
        ? ["anonymous: refused", "jdoe: found", "jdoe: absent", `${other.name}: found`, "admin: found"]
        : sides.map(({ name }) => `${name}: found`);
      expect([...met].filter((entry) => expected.includes(entry)).sort(), resource.path).toEqual(
        expected.sort(),
      );
    });
  }
});
