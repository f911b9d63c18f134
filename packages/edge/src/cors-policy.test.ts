import { describe, expect, it } from "vitest";
import { corsPolicy, requestedHeaders } from "./cors-policy.ts";

const SHOP = "https://shop.example";
const OTHER = "https://other.example";

describe("corsPolicy", () => {
  it("unset: any origin reads and writes anonymously, but may not send a token", () => {
    const policy = corsPolicy(undefined);
    expect(policy.allowOrigin(OTHER)).toBe("*");
    expect(policy.allowsPreflight(OTHER, ["content-type"])).toBe(true);
    expect(policy.allowsPreflight(OTHER, ["content-type", "authorization"])).toBe(false);
  });

  it("a list: only the listed origins, echoed, with every header", () => {
    const policy = corsPolicy([SHOP]);
    expect(policy.allowOrigin(SHOP)).toBe(SHOP);
    expect(policy.allowsPreflight(SHOP, ["authorization"])).toBe(true);
    expect(policy.allowOrigin(OTHER)).toBeUndefined();
    expect(policy.allowsPreflight(OTHER, [])).toBe(false);
  });

  it("`*`: any origin with every header", () => {
    const policy = corsPolicy("*");
    expect(policy.allowOrigin(OTHER)).toBe("*");
    expect(policy.allowsPreflight(OTHER, ["authorization"])).toBe(true);
  });
});

describe("requestedHeaders", () => {
  it("splits, trims and lower-cases Access-Control-Request-Headers", () => {
    expect(requestedHeaders(" Content-Type ,Authorization,, ")).toEqual(["content-type", "authorization"]);
    expect(requestedHeaders(undefined)).toEqual([]);
  });
});
