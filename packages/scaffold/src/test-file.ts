import { toSnakeCase } from "@tusk/registry";
import type { FieldType, ResourceSpec } from "./spec.ts";

/**
 * A value of each field type that every column of that type accepts, as a REST body and a
 * GraphQL answer both write it (decimals as exact text at the column's two places).
 */
const SAMPLE_VALUES: Record<FieldType, readonly [created: unknown, changed: unknown]> = {
  String: ["First", "Second"],
  Int: [7, 8],
  Decimal: ["12.50", "13.75"],
  Boolean: [true, false],
  DateTime: ["2026-01-02T03:04:05.000Z", "2026-02-03T04:05:06.000Z"],
};

/**
 * Where the scaffolded test of a resource goes: beside the REST app's other tests that drive
 * both APIs over a seeded database.
 *
 * @example
 * testFilePath("gadgets"); // "apps/rest/test/resources/gadgets.db.test.ts"
 */
export function testFilePath(path: string): string {
  return `apps/rest/test/resources/${path}.db.test.ts`;
}

function sample(spec: ResourceSpec, which: 0 | 1): Record<string, unknown> {
  return Object.fromEntries(spec.fields.map((f) => [toSnakeCase(f.name), SAMPLE_VALUES[f.type][which]]));
}

/**
 * The test `add-resource` writes for a new resource: one item's life through both APIs (created
 * through REST, read through GraphQL; changed through GraphQL, read through REST; deleted, gone
 * from both). The GraphQL names come from the registry at run time, so renaming is one place.
 *
 * @example
 * writeFileSync(testFilePath(spec.path), renderTestFile(spec));
 */
export function renderTestFile(spec: ResourceSpec): string {
  const created = JSON.stringify(sample(spec, 0));
  const changed = JSON.stringify(sample(spec, 1));
  return `// Written by \`npm run add-resource\`: one ${spec.model}'s life through both APIs. Extend it with
// what is particular to ${spec.path}: its rules, relations and edge cases.
import { registry } from "@tusk/registry";
import { createContext, graphqlNames } from "@tusk/schema";
import { graphql } from "graphql";
import request from "supertest";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ADMIN } from "../../../../test-support/callers.ts";
import { BASE, createTestApp, type TestApp } from "../harness.ts";

const resource = registry.byPath(${JSON.stringify(spec.path)})!;
const names = graphqlNames(resource);
/** REST names of the fields written, with the value each is written with. */
const created: Record<string, unknown> = ${created};
const changed: Record<string, unknown> = ${changed};
const graphqlName = (restName: string) => resource.fields.find((f) => f.restName === restName)!.name;
const inGraphql = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [graphqlName(name), value]));
const selection = Object.keys(created).map(graphqlName).join(" ");

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function run(source: string, variableValues: Record<string, unknown>) {
  const contextValue = createContext({ prisma: t.db.prisma, uris: t.uris, caller: ADMIN });
  const result = await graphql({ schema: t.schema, source, variableValues, contextValue });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

it("one ${spec.model} through REST and GraphQL: created, read, changed, deleted", async () => {
  const post = await request(t.app).post("/v1/${spec.path}").send(created);
  expect(post.status).toBe(201);
  expect(post.body.${spec.path}[0]).toMatchObject(created);
  const id = post.body.${spec.path}[0].id;
  const path = String(post.headers.location).slice(BASE.length);

  const read = await run(\`query ($id: Int!) { \${names.itemField}(id: $id) { \${selection} } }\`, { id });
  expect(read[names.itemField]).toEqual(inGraphql(created));

  const update = \`mutation ($id: Int!, $input: \${names.updateInput}!) { \${names.updateMutation}(id: $id, input: $input) { id } }\`;
  await run(update, { id, input: inGraphql(changed) });
  const got = await request(t.app).get(path);
  expect(got.status).toBe(200);
  expect(got.body.${spec.path}[0]).toMatchObject(changed);

  expect((await request(t.app).delete(path)).status).toBe(204);
  expect((await request(t.app).get(path)).status).toBe(404);
  expect((await run(\`query ($id: Int!) { \${names.itemField}(id: $id) { id } }\`, { id }))[names.itemField]).toBeNull();
});
`;
}
