import { ApiError } from "@tusk/errors";
import { registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { ANONYMOUS, userCaller } from "./caller.ts";
import { assertPermitted, ownedBy, permits, rowFilter, seesPrivateFields } from "./permissions.ts";
import { customerScopes } from "./scopes.ts";

const byPath = (path: string) => {
  const found = registry.byPath(path);
  if (!found) throw new Error(`no ${path}`);
  return found;
};
const products = byPath("products");
const orders = byPath("orders");
const lineItems = byPath("line_items");
const users = byPath("users");
const jdoe = userCaller("jdoe", customerScopes(registry));
const admin = userCaller("root", ["admin"]);

function refusal(run: () => void): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("permits", () => {
  it("lets anyone read public resources and nobody anonymous read the others", () => {
    for (const resource of registry.resources)
      expect(permits(ANONYMOUS, resource, "read"), resource.path).toBe(resource.access.public);
    expect(permits(ANONYMOUS, products, "write")).toBe(false);
  });

  it("needs the collection's scope otherwise, and admin has them all", () => {
    expect(permits(jdoe, orders, "read")).toBe(true);
    expect(permits(jdoe, orders, "write")).toBe(true);
    expect(permits(jdoe, products, "write")).toBe(false);
    expect(permits(userCaller("x", ["orders:read"]), orders, "write")).toBe(false);
    for (const resource of registry.resources) expect(permits(admin, resource, "write")).toBe(true);
  });
});

describe("assertPermitted", () => {
  it("is 401 with a bare challenge for anonymous callers", () => {
    const error = refusal(() => assertPermitted(ANONYMOUS, orders, "read"));
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.challenge).toEqual({ scope: "orders:read" });
  });

  it("is 403 insufficient_scope naming the scope for users without it", () => {
    const error = refusal(() => assertPermitted(jdoe, products, "write"));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toContain("products:write");
    expect(error.challenge).toEqual({ error: "insufficient_scope", scope: "products:write" });
  });
});

describe("rowFilter", () => {
  it("keeps a user to their own rows, following the owner chain", () => {
    expect(rowFilter(jdoe, users, "read")).toEqual({ username: "jdoe" });
    expect(rowFilter(jdoe, orders, "read")).toEqual({ username: "jdoe" });
    expect(rowFilter(jdoe, lineItems, "write")).toEqual({ order: { is: { username: "jdoe" } } });
    expect(ownedBy(byPath("vehicles"), "ann")).toEqual({ username: "ann" });
  });

  it("matches every row for admin and for resources nobody owns, and none without permission", () => {
    expect(rowFilter(admin, orders, "read")).toEqual({});
    expect(rowFilter(jdoe, products, "read")).toEqual({});
    expect(rowFilter(ANONYMOUS, products, "read")).toEqual({});
    expect(rowFilter(ANONYMOUS, orders, "read")).toEqual({ id: { in: [] } });
    expect(rowFilter(jdoe, products, "write")).toEqual({ id: { in: [] } });
  });
});

describe("seesPrivateFields", () => {
  it("shows a user's private fields to that user and admin only", () => {
    expect(seesPrivateFields(jdoe, users, { username: "jdoe" })).toBe(true);
    expect(seesPrivateFields(jdoe, users, { username: "ann" })).toBe(false);
    expect(seesPrivateFields(admin, users, { username: "ann" })).toBe(true);
    expect(seesPrivateFields(ANONYMOUS, users, { username: "ann" })).toBe(false);
  });
});
