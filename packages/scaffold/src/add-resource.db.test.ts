/**
 * `add-resource` on a copy of the files it changes (the real schema, registry and migrations
 * are never touched): the registry built from the result serves the new resource through REST
 * and GraphQL, and the migration creates its table, guarded, on top of the existing ones.
 */
import { execFile } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { migrate } from "@tusk/db";
import { createTestDatabase } from "@tusk/db/testing";
import { buildRegistry, type Registry, type RegistryDefinition } from "@tusk/registry";
import { buildOpenApiDocument, createRestApp } from "@tusk/rest";
import { createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import type { GraphQLSchema } from "graphql";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateClientFiles } from "../../client/scripts/openapi-types.ts";
// Prisma's own parser through the generator `npm run generate` uses, as the registry's tests do.
import { generateDatamodel } from "../../registry/test/generate-datamodel.ts";
import { type AddResourceResult, addResource, projectFiles } from "./add-resource.ts";
import { parseSpec } from "./spec.ts";
import { renderTestFile } from "./test-file.ts";

const repository = fileURLToPath(new URL("../../..", import.meta.url));
const real = projectFiles(repository);
const realText = () => [real.schema, real.resources].map((file) => readFileSync(file, "utf8"));

let root: string;
let copy: ReturnType<typeof projectFiles>;
let result: AddResourceResult;
let before: string[];

/** The registry definition of the copy, loaded as the real one is (its `define.ts` import made absolute). */
async function loadDefinition(): Promise<RegistryDefinition> {
  const define = pathToFileURL(join(dirname(real.resources), "define.ts")).href;
  const source = readFileSync(copy.resources, "utf8").replace('from "./define.ts"', `from "${define}"`);
  const file = join(root, "resources-copy.ts");
  writeFileSync(file, source);
  return ((await import(pathToFileURL(file).href)) as { definition: RegistryDefinition }).definition;
}

beforeAll(async () => {
  before = realText();
  root = mkdtempSync(join(tmpdir(), "tusk-add-resource-"));
  copy = projectFiles(root);
  mkdirSync(dirname(copy.resources), { recursive: true });
  mkdirSync(dirname(copy.schema), { recursive: true });
  copyFileSync(real.schema, copy.schema);
  copyFileSync(real.resources, copy.resources);
  cpSync(real.migrations, copy.migrations, { recursive: true });
  const spec = parseSpec([
    "Gadget",
    "--field",
    "name:String",
    "--field",
    "weightGrams:Int?",
    "--field",
    "price:Decimal",
    "--public",
  ]);
  result = await addResource(root, spec, { now: new Date("2099-01-02T03:04:05Z") });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it("writes the schema, the registry entry and a migration, and says what is left to do", () => {
  expect(result.written).toEqual([
    "prisma/schema.prisma",
    "packages/registry/src/resources.ts",
    "prisma/migrations/20990102030405_add_gadgets/migration.sql",
    "apps/rest/test/resources/gadgets.db.test.ts",
  ]);
  expect(result.nextSteps.join("\n")).toMatch(/npm run generate\b/);
  expect(realText()).toEqual(before);
});

describe("the registry built from the result", () => {
  let registry: Registry;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    registry = buildRegistry(generateDatamodel(readFileSync(copy.schema, "utf8")), await loadDefinition());
    schema = createSchema({ registry });
  }, 60_000);

  it("has the resource with its identifier, fields and access", () => {
    const gadget = registry.byPath("gadgets");
    expect(gadget?.model).toBe("Gadget");
    expect(gadget?.identifier.rule.kind).toBe("positive-integer");
    expect(gadget?.identifier.serverAssigned).toBe(true);
    expect(gadget?.access.public).toBe(true);
    expect(gadget?.fields.map((f) => [f.restName, f.writable, f.required])).toEqual([
      ["id", "never", true],
      ["name", "always", true],
      ["weight_grams", "always", false],
      ["price", "always", true],
      ["created_at", "never", true],
      ["updated_at", "never", true],
    ]);
  });

  it("gives GraphQL its lookup, collection, aggregate and mutations", () => {
    const query = Object.keys(schema.getQueryType()?.getFields() ?? {});
    const mutation = Object.keys(schema.getMutationType()?.getFields() ?? {});
    expect(query).toEqual(expect.arrayContaining(["gadget", "gadgets", "gadgetsAggregate"]));
    expect(mutation).toEqual(expect.arrayContaining(["createGadget", "updateGadget", "deleteGadget"]));
    expect(Object.keys(schema.getTypeMap())).toEqual(expect.arrayContaining(["Gadget", "GadgetFilter"]));
  });

  it("gives REST its collection, item and definition, in the app and its OpenAPI document", async () => {
    const uris = createUriBuilder({ registry, baseUrl: "http://rest.test" });
    const app = createRestApp({
      registry,
      uris,
      // These requests run no operation: the root, a definition and OPTIONS read the registry.
      executor: { run: () => Promise.reject(new Error("not used")), schema: () => Promise.resolve(schema) },
    });
    const root = await request(app).get("/v1");
    expect(root.status).toBe(200);
    expect(root.body.resources.map((r: { name: string }) => r.name)).toContain("gadgets");
    const definition = await request(app).get("/v1/gadgets/definition");
    expect(definition.status).toBe(200);
    expect((await request(app).options("/v1/gadgets/7")).headers.allow).toContain("GET");
    expect((await request(app).get("/v1/gadgets/x")).status).toBe(400);
    const paths = Object.keys(buildOpenApiDocument(registry, uris, { schema }).paths);
    expect(paths).toEqual(expect.arrayContaining(["/v1/gadgets", "/v1/gadgets/{gadget_id}"]));

    // The API reference page renders the document it names: the one the app serves.
    const page = await request(app).get("/docs").set("Accept", "text/html");
    expect(page.status).toBe(200);
    const documentUrl = /data-openapi="([^"]+)"/.exec(page.text)?.[1] ?? "";
    const served = await request(app).get(new URL(documentUrl).pathname);
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toEqual(expect.arrayContaining(["/v1/gadgets"]));
  });

  it("gives the typed REST client its paths and schema", async () => {
    const [types] = await generateClientFiles(registry);
    expect(types?.content).toContain('"/v1/gadgets": {');
    expect(types?.content).toContain('"/v1/gadgets/{gadget_id}": {');
    expect(types?.content).toMatch(/weight_grams\?: number \| null;/);
  });
});

describe("the migration", () => {
  it("creates the table on top of the existing migrations, with the identifier guard", async () => {
    const db = await createTestDatabase({ migrate: false });
    try {
      const { applied } = await migrate(db, { migrationsDir: copy.migrations });
      expect(applied.at(-1)).toBe("20990102030405_add_gadgets");
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO "gadgets" ("name", "weight_grams", "price", "updated_at") VALUES ('Sprocket', NULL, 9.5, now())`,
      );
      const rows = await db.prisma.$queryRawUnsafe<{ id: number; price: string }[]>(
        `SELECT "id", "price"::text AS "price" FROM "gadgets"`,
      );
      expect(rows).toEqual([{ id: 1, price: "9.50" }]);
      await expect(db.prisma.$executeRawUnsafe(`UPDATE "gadgets" SET "id" = 2`)).rejects.toThrow();
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe("the test it writes", () => {
  it("names the new resource and the values it writes", () => {
    const written = readFileSync(join(root, "apps/rest/test/resources/gadgets.db.test.ts"), "utf8");
    expect(written).toContain('registry.byPath("gadgets")');
    expect(written).toContain('{"name":"First","weight_grams":7,"price":"12.50"}');
  });

  // The new resource exists only in the copy, so the same template is run on a resource of the
  // same shape that the repository has: products (a name, a decimal price, an integer stock).
  // It runs on PGlite whichever suite this file is in, so once is enough.
  it.skipIf(process.env.TUSK_TEST_DATABASE === "postgres")(
    "passes when run on an existing resource of the same shape",
    async () => {
      const spec = parseSpec([
        "Product",
        "--field",
        "name:String",
        "--field",
        "price:Decimal",
        "--field",
        "stock:Int",
      ]);
      const file = join(
        repository,
        "apps/rest/test/resources",
        `scaffolded-products-${process.pid}.db.test.ts`,
      );
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, renderTestFile(spec));
      try {
        // Its own reporter only: the run must not write over this run's reports.
        const vitest = join(repository, "node_modules", "vitest", "vitest.mjs");
        const { stdout } = await promisify(execFile)(
          process.execPath,
          [vitest, "run", "--reporter=default", file],
          {
            cwd: repository,
            env: { ...process.env, TUSK_TEST_SUITES: "pglite", FORCE_COLOR: "0", NO_COLOR: "1" },
          },
        );
        expect(stdout).toMatch(/Tests\s+(\S+\s+)?1 passed/);
      } finally {
        rmSync(file, { force: true });
      }
    },
    180_000,
  );
});
