import { registry } from "@tusk/registry";
import { createUriBuilder } from "@tusk/uri";
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { DOCS_ASSETS } from "./assets.ts";
import { docsPage } from "./index.ts";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** The docs router in front of a stand-in for the API, which answers 299 to whatever it is passed. */
function appWithDocs(baseUrl = "http://rest.test") {
  const app = express();
  app.use(docsPage(createUriBuilder({ registry, baseUrl })));
  app.use((_req, res) => void res.status(299).json({ api: true }));
  return app;
}

describe("the API reference page", () => {
  it("is served at /docs with a policy that allows only the app's own files", async () => {
    const res = await request(appWithDocs()).get("/docs");
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/html");
    expect(res.text).toContain('data-openapi="http://rest.test/v1/openapi.json"');
    const policy = res.headers["content-security-policy"];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self' http://rest.test");
    expect(policy).not.toMatch(/unsafe-|https?:\/\/(?!rest\.test)/);
  });

  it("is what a browser gets at the API root; API clients still get JSON", async () => {
    const app = appWithDocs();
    const page = await request(app).get("/v1").set("Accept", BROWSER_ACCEPT);
    expect(page.status).toBe(200);
    expect(page.type).toBe("text/html");
    expect(page.headers.vary).toBe("Accept");
    for (const accept of [undefined, "*/*", "application/json", "application/json, text/html;q=0.5"]) {
      const api = request(app).get("/v1");
      if (accept) api.set("Accept", accept);
      expect((await api).status, `Accept: ${accept}`).toBe(299);
    }
    expect((await request(app).get("/v1/products").set("Accept", BROWSER_ACCEPT)).status).toBe(299);
  });

  it("loads every asset it names from the app, below the public base path", async () => {
    const app = appWithDocs("https://example.com/api");
    const html = (await request(app).get("/docs")).text;
    const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(named).toHaveLength(Object.keys(DOCS_ASSETS).length);
    for (const url of named) {
      expect(url).toMatch(/^\/api\/docs\/assets\//);
      const res = await request(app).get(url.replace(/^\/api/, ""));
      expect(res.status, url).toBe(200);
    }
  });

  it("leaves every method but GET and HEAD to the API, OPTIONS included", async () => {
    const app = appWithDocs();
    for (const method of ["options", "post", "patch", "delete"] as const) {
      expect((await request(app)[method]("/v1").set("Accept", BROWSER_ACCEPT)).status, method).toBe(299);
      expect((await request(app)[method]("/docs")).status, method).toBe(299);
    }
  });

  it("serves no file that is not one of its assets", async () => {
    const app = appWithDocs();
    for (const path of [
      "/docs/assets/package.json",
      "/docs/assets/..%2Fpackage.json",
      "/docs/assets/index.html",
    ]) {
      expect((await request(app).get(path)).status, path).toBe(299);
    }
  });
});
