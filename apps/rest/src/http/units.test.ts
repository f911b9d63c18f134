import { ANONYMOUS, userCaller } from "@tusk/auth";
import { ApiError } from "@tusk/errors";
import { describe, expect, it } from "vitest";
import { PRIVATE_CACHE, PUBLIC_CACHE, representationCache } from "./cache.ts";
import { ifMatch, matchedTag, noneMatch, strongEtag } from "./etag.ts";
import { toProblem } from "./problem.ts";

const types = { problem: (code: string) => `https://api.test/v1/problems/${code.toLowerCase()}` };

describe("entity tags", () => {
  const tag = strongEtag("{}");

  it("is a quoted, strong, content-derived tag", () => {
    expect(tag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(strongEtag("{}")).toBe(tag);
    expect(strongEtag("[]")).not.toBe(tag);
    expect(strongEtag(Buffer.from("{}"))).toBe(tag);
    expect(strongEtag("é")).toBe(strongEtag(Buffer.from("é")));
  });

  it("a compressed body's tag names the same representation in both conditions", () => {
    const gzip = `${tag.slice(0, -1)}-gzip"`;
    expect(noneMatch(gzip, tag)).toBe(false);
    expect(noneMatch(`W/${gzip}`, tag)).toBe(false);
    expect(ifMatch(gzip, tag)).toBe(true);
    expect(ifMatch(`W/${gzip}`, tag)).toBe(false);
    expect(noneMatch('"other-gzip"', tag)).toBe(true);
  });

  it("a 304 carries the tag the client holds, strong", () => {
    const br = `${tag.slice(0, -1)}-br"`;
    expect(matchedTag(`"a", ${br}`, tag)).toBe(br);
    expect(matchedTag(`W/${tag}`, tag)).toBe(tag);
    expect(matchedTag("*", tag)).toBe(tag);
    expect(matchedTag('"a"', tag)).toBeUndefined();
  });

  it("#133 If-None-Match compares weakly and * matches any", () => {
    expect(noneMatch(tag, tag)).toBe(false);
    expect(noneMatch(`W/${tag}`, tag)).toBe(false);
    expect(noneMatch(`"a", ${tag}`, tag)).toBe(false);
    expect(noneMatch("*", tag)).toBe(false);
    expect(noneMatch('"other"', tag)).toBe(true);
    expect(noneMatch(undefined, tag)).toBe(true);
  });

  it("#135 If-Match compares strongly", () => {
    expect(ifMatch(tag, tag)).toBe(true);
    expect(ifMatch(`W/${tag}`, tag)).toBe(false);
    expect(ifMatch("*", tag)).toBe(true);
    expect(ifMatch('"other"', tag)).toBe(false);
  });
});

describe("toProblem", () => {
  it("#123 maps shared error codes to their status, with invalid_params", () => {
    const { problem } = toProblem(
      new ApiError("UNPROCESSABLE", "Invalid fields: price.", {
        invalidParams: [{ name: "price", reason: "x" }],
      }),
      "/v1/products",
      types,
    );
    expect(problem).toEqual({
      type: "https://api.test/v1/problems/unprocessable",
      title: "Unprocessable Content",
      status: 422,
      detail: "Invalid fields: price.",
      instance: "/v1/products",
      invalid_params: [{ name: "price", reason: "x" }],
    });
  });

  it("#129 carries an error's headers (Allow on 405) and members (available on 406)", () => {
    const allow = toProblem(
      new ApiError("METHOD_NOT_ALLOWED", "No.", { headers: { Allow: "GET" } }),
      "/v1",
      types,
    );
    expect(allow.problem.status).toBe(405);
    expect(allow.headers).toEqual({ Allow: "GET" });
    const offered = new ApiError("NOT_ACCEPTABLE", "No.", {
      extensions: { available: ["a/b"], status: 200 },
    });
    const { problem } = toProblem(offered, "/v1", types);
    expect(problem).toMatchObject({ status: 406, title: "Not Acceptable", available: ["a/b"] });
  });

  it("adds Retry-After where the code asks for it", () => {
    const { headers } = toProblem(new ApiError("SERVICE_UNAVAILABLE", "Later."), "/v1", types);
    expect(headers).toEqual({ "Retry-After": "1" });
  });

  it("#128 masks anything unexpected", () => {
    const { problem } = toProblem(
      new Error('relation "products" does not exist at SELECT ...'),
      "/v1/products",
      types,
    );
    expect(problem.status).toBe(500);
    expect(problem.type).toBe("https://api.test/v1/problems/internal_server_error");
    expect(JSON.stringify(problem)).not.toMatch(/SELECT|relation/);
    expect(toProblem(new ApiError("INTERNAL_SERVER_ERROR", "secret"), "/", types).problem.detail).not.toMatch(
      /secret/,
    );
  });
});

describe("Cache-Control of a representation", () => {
  it("is public and short for reads by an anonymous caller", () => {
    expect(PUBLIC_CACHE).toBe("public, max-age=60");
    expect(representationCache("GET", ANONYMOUS)).toBe(PUBLIC_CACHE);
    expect(representationCache("HEAD", ANONYMOUS)).toBe(PUBLIC_CACHE);
  });

  it("is private for a caller with a token, and for the answer to a write", () => {
    expect(PRIVATE_CACHE).toBe("private, max-age=0, must-revalidate");
    expect(representationCache("GET", userCaller("jdoe", []))).toBe(PRIVATE_CACHE);
    for (const method of ["POST", "PATCH", "PUT", "DELETE"])
      expect(representationCache(method, ANONYMOUS), method).toBe(PRIVATE_CACHE);
  });
});
