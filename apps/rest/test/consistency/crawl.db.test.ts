import { registry } from "@tusk/registry";
import { linksWithRel, parseLinkHeader } from "@tusk/uri";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, bearer } from "../../../../test-support/callers.ts";
import { buildOpenApiDocument, pathTemplates } from "../../src/openapi/index.ts";
import { BASE, createTestApp, type TestApp } from "../harness.ts";
import { matchTemplate } from "../openapi-match.ts";
import { responseValidator } from "./response-schemas.ts";
import { pathOf } from "./rest.ts";

type Link = { rel: string; href: string; method: string };

/** Distinct URIs visited per OpenAPI path template (query strings count as distinct). */
const PER_TEMPLATE = 3;

/** Every `{rel, href, method}` link anywhere in a body: `_links` of the document, its items and embeds. */
function bodyLinks(value: unknown, out: Link[] = []): Link[] {
  if (Array.isArray(value)) {
    for (const entry of value) bodyLinks(entry, out);
  } else if (value !== null && typeof value === "object") {
    for (const [key, member] of Object.entries(value)) {
      if (key === "_links" && Array.isArray(member)) out.push(...(member as Link[]));
      else bodyLinks(member, out);
    }
  }
  return out;
}

interface Visit {
  readonly href: string;
  readonly from: string;
}

/**
 * Starting at /v1, follows every link of every REST response (body links and
 * Link headers), a few URIs per path template, and checks each: it resolves
 * (200, or exactly one 301/308 to a URI answering 200), its `method` is in the
 * target's Allow, its path matches exactly one OpenAPI path template that
 * documents the method, and `rel="canonical"` targets answer 200 themselves
 * canonical.
 */
describe("crawling the REST API from /v1", () => {
  let t: TestApp;
  const failures: string[] = [];
  const visitedTemplates = new Map<string, number>();
  const checkedMethods = new Set<string>();
  let requests = 0;

  const get = (href: string) => {
    requests++;
    return request(t.app).get(pathOf(href));
  };
  let paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  let conforms: ReturnType<typeof responseValidator>;
  const schemaFailures: string[] = [];
  let validated = 0;

  async function resolves(href: string, from: string): Promise<request.Response | undefined> {
    const res = await get(href);
    if (res.status === 200) return res;
    if (res.status === 301 || res.status === 308) {
      const target = await get(res.headers.location ?? "");
      if (target.status === 200) return target;
      failures.push(
        `${href} (from ${from}) redirects to ${res.headers.location}, which answers ${target.status}`,
      );
      return undefined;
    }
    failures.push(`${href} (from ${from}) answers ${res.status}`);
    return undefined;
  }

  async function checkMethod(link: Link, from: string) {
    const key = `${link.method} ${link.href}`;
    if (checkedMethods.has(key)) return;
    checkedMethods.add(key);
    const path = new URL(link.href).pathname;
    const template = matchTemplate(Object.keys(paths), path);
    const operation = template ? paths[template]?.[link.method.toLowerCase()] : undefined;
    if (!template) failures.push(`${path} (from ${from}) matches no OpenAPI path template`);
    else if (!operation || Object.keys(operation.responses).join() === "405")
      failures.push(`${link.method} ${template} is not documented`);
    if (link.method === "GET") return;
    requests++;
    // As the admin the links were made for (requests without a token act as admin here; OPTIONS
    // without one is anonymous, and Allow answers per caller).
    const options = await request(t.app)
      .options(pathOf(link.href))
      .set("authorization", await bearer(ADMIN));
    const allow = (options.headers.allow ?? "").split(/,\s*/);
    if (!allow.includes(link.method))
      failures.push(`${key} (from ${from}): Allow is "${options.headers.allow}"`);
  }

  async function checkCanonical(res: request.Response, href: string) {
    const header = res.headers.link;
    if (!header) return;
    const canonical = linksWithRel(parseLinkHeader(header), "canonical");
    if (canonical.length > 1) failures.push(`${href}: ${canonical.length} canonical links`);
    for (const link of canonical) {
      const target = await get(link.href);
      if (target.status !== 200) failures.push(`${href}: canonical ${link.href} answers ${target.status}`);
      const again = target.headers.link
        ? linksWithRel(parseLinkHeader(target.headers.link), "canonical")
        : [];
      if (again.some((next) => next.href !== link.href))
        failures.push(`${href}: canonical ${link.href} is itself non-canonical`);
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    const document = buildOpenApiDocument(registry, t.uris);
    paths = document.paths as typeof paths;
    conforms = responseValidator(document);
    const queue: Visit[] = [{ href: t.uris.root(), from: "start" }];
    const seen = new Set<string>();
    while (queue.length > 0) {
      const { href, from } = queue.shift() as Visit;
      if (seen.has(href)) continue;
      seen.add(href);
      if (!href.startsWith(`${BASE}/`)) {
        failures.push(`${href} (from ${from}) is not an absolute URI of this API`);
        continue;
      }
      const template = matchTemplate(Object.keys(paths), new URL(href).pathname) ?? "(none)";
      const key = `${template}${href.includes("?") ? "?" : ""}`;
      const count = visitedTemplates.get(key) ?? 0;
      if (count >= PER_TEMPLATE) continue;
      visitedTemplates.set(key, count + 1);
      const res = await resolves(href, from);
      if (!res) continue;
      await checkCanonical(res, href);
      const mediaType = res.headers["content-type"] ?? "";
      schemaFailures.push(...conforms("GET", new URL(href).pathname, res.status, mediaType, res.body));
      validated++;
      const links = [...bodyLinks(res.body)];
      if (res.headers.link) {
        for (const link of parseLinkHeader(res.headers.link))
          links.push({ rel: link.rel, href: link.href, method: "GET" });
      }
      for (const link of links) {
        await checkMethod(link, href);
        if (link.method === "GET" && !seen.has(link.href)) queue.push({ href: link.href, from: href });
      }
    }
  }, 120_000);
  afterAll(() => t.close());

  it("#15 #40 #94 every link resolves, and its method is allowed at its target", () => {
    expect(failures).toEqual([]);
    expect(checkedMethods.size).toBeGreaterThan(100);
    expect([...checkedMethods].some((key) => key.startsWith("PATCH "))).toBe(true);
    expect([...checkedMethods].some((key) => key.startsWith("DELETE "))).toBe(true);
  });

  it("every response the crawl meets conforms to its OpenAPI response schema", () => {
    expect(schemaFailures).toEqual([]);
    expect(validated).toBeGreaterThan(50);
  });

  it("#155 reaches every collection, item, relation and definition from /v1", () => {
    const reached = new Set([...visitedTemplates.keys()].map((key) => key.replace(/\?$/, "")));
    for (const resource of registry.resources) {
      expect(reached, `${resource.path} definition`).toContain(`/v1/${resource.path}/definition`);
    }
    // Relational items (/v1/categories/36/products/73924) are served, but links name items by their canonical URI.
    for (const template of pathTemplates(registry, t.uris)) {
      const { route } = template;
      // Served but not linked: item definitions (the resource's definition is linked), the parent
      // of a nested-only item (linked as `up` to the parent's own URI) and views over relations
      // (a definition links the views of the root collection).
      const itemDefinition = route.kind === "definition" && route.item !== undefined;
      const up = route.kind === "relation" && route.relation === route.resource.parent?.relation;
      const linked = !itemDefinition && !up;
      if (["collection", "item", "relation", "definition", "view", "root"].includes(route.kind) && linked)
        expect(reached, template.path).toContain(template.path);
    }
    expect(requests).toBeGreaterThan(100);
  });

  it("#20 #21 canonical links point at 200 responses that are canonical themselves", async () => {
    const res = await get("/v1/categories/36/products/73924");
    expect(res.status).toBe(200);
    const canonical = linksWithRel(parseLinkHeader(res.headers.link ?? ""), "canonical");
    expect(canonical).toHaveLength(1);
    await checkCanonical(res, "/v1/categories/36/products/73924");
    expect(failures).toEqual([]);
  });
});
