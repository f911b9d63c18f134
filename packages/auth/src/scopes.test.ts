import { registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { hasScope, isAdmin, userCaller } from "./caller.ts";
import { ADMIN_SCOPE, customerScopes, requiredScope, scopeCatalog, scopeFor } from "./scopes.ts";

describe("scopes", () => {
  it("has read and write for every collection of the registry, and admin, and nothing else", () => {
    const names = scopeCatalog(registry).map((s) => s.name);
    const expected = registry.resources.flatMap((r) => [`${r.path}:read`, `${r.path}:write`]);
    expect(names.sort()).toEqual([...expected, ADMIN_SCOPE].sort());
    expect(names).toContain("line_items:write");
  });

  it("says which scopes reach only the caller's own rows", () => {
    const catalog = new Map(scopeCatalog(registry).map((s) => [s.name, s.description]));
    expect(catalog.get("orders:read")).toMatch(/only your own rows/);
    expect(catalog.get("products:read")).not.toMatch(/own rows/);
  });

  it("gives a customer every read, and write only where rows belong to their owner", () => {
    const scopes = customerScopes(registry);
    expect(scopes).toContain("products:read");
    expect(scopes).toContain("orders:write");
    expect(scopes).toContain("line_items:write");
    expect(scopes).not.toContain("products:write");
    expect(scopes).not.toContain(ADMIN_SCOPE);
  });

  it("names a scope after the REST collection", () => {
    expect(scopeFor(registry.byModel("LineItem")!, "read")).toBe("line_items:read");
  });

  it("needs no scope to read a public resource, and the collection's scope for anything else", () => {
    for (const resource of registry.resources) {
      expect(requiredScope(resource, "read"), resource.path).toBe(
        resource.access.public ? undefined : `${resource.path}:read`,
      );
      expect(requiredScope(resource, "write"), resource.path).toBe(`${resource.path}:write`);
    }
    expect(requiredScope(registry.byPath("products")!, "read")).toBeUndefined();
    expect(requiredScope(registry.byPath("orders")!, "read")).toBe("orders:read");
  });

  it("gives admin every scope", () => {
    const admin = userCaller("root", [ADMIN_SCOPE]);
    expect(isAdmin(admin)).toBe(true);
    expect(hasScope(admin, "orders:write")).toBe(true);
    const jdoe = userCaller("jdoe", ["orders:read"]);
    expect(isAdmin(jdoe)).toBe(false);
    expect(hasScope(jdoe, "orders:read")).toBe(true);
    expect(hasScope(jdoe, "orders:write")).toBe(false);
  });
});
