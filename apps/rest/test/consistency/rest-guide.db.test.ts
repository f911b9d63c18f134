import { readFileSync } from "node:fs";
import { registry } from "@tusk/registry";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer } from "../../../../test-support/callers.ts";
import { buildOpenApiDocument } from "../../src/openapi/index.ts";
import { BASE, createTestApp, type TestApp } from "../harness.ts";
import { parseExamples, partialMismatches, textMatches } from "./http-examples.ts";
import { responseValidator } from "./response-schemas.ts";

const GUIDE = new URL("../../../../docs/rest.md", import.meta.url);
/** The public base URL the guide is written for; the test app builds links on {@link BASE}. */
const DOC_BASE = "http://localhost:4000";

const markdown = readFileSync(GUIDE, "utf8").replaceAll(DOC_BASE, BASE);
const examples = parseExamples(markdown);

/**
 * Replays every request of docs/rest.md, in order (the writes build on each
 * other), against the app on the seeded test database, and checks the
 * status, each header shown and that the body shown is a subset of the body.
 * Requests without a token act as admin here; `{token}` in a header is an admin's token.
 */
describe("docs/rest.md examples", () => {
  let t: TestApp;
  let lastEtag: string | undefined;
  let conforms: ReturnType<typeof responseValidator>;
  /** What `{token}` stands for in the guide: an admin's token. */
  let adminToken: string;
  beforeAll(async () => {
    t = await createTestApp();
    adminToken = (await bearer(ADMIN)).slice("Bearer ".length);
    conforms = responseValidator(buildOpenApiDocument(registry, t.uris));
  });
  afterAll(() => t.close());

  it("has examples of every method the API serves", () => {
    const methods = new Set(examples.map((example) => example.request.method));
    expect([...methods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
    expect(examples.length).toBeGreaterThan(40);
  });

  for (const example of examples) {
    const { request: shown, response: expected } = example;
    it(`line ${example.line}: ${shown.method} ${shown.path} -> ${expected.status}`, async () => {
      const method = shown.method.toLowerCase() as "get";
      let req = request(t.app)[method](shown.path);
      for (const [name, value] of shown.headers) {
        req = req.set(name, value === "{etag}" ? (lastEtag ?? "") : value.replace("{token}", adminToken));
      }
      if (shown.body !== undefined) req = req.send(shown.body);
      const res = await req;
      expect(res.status, JSON.stringify(res.body)).toBe(expected.status);
      for (const [name, value] of expected.headers) {
        const actual = res.headers[name.toLowerCase()];
        expect(typeof actual === "string" && textMatches(value, actual), `${name}: ${actual}`).toBe(true);
      }
      if (typeof expected.body === "string")
        expect(res.text.replaceAll("\r\n", "\n")).toBe(`${expected.body}\n`);
      else if (expected.body !== undefined) expect(partialMismatches(expected.body, res.body)).toEqual([]);
      // Every body also conforms to the OpenAPI document, errors included (unrouted paths have no template).
      const mediaType = res.headers["content-type"] ?? "";
      const path = shown.path.split("?")[0] ?? "";
      const body = mediaType.startsWith("text/") ? res.text : res.body;
      if (mediaType && res.text && !(res.status === 404 && path.startsWith("/v1/line_items/")))
        expect(conforms(shown.method, path, res.status, mediaType, body)).toEqual([]);
      lastEtag = res.headers.etag ?? lastEtag;
    });
  }
});
