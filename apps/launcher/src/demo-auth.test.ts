import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuthenticator } from "@tusk/auth";
import { registry } from "@tusk/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAuth, demoTokens } from "./demo-auth.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tusk-demo-auth-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the demo's signing secret and tokens", () => {
  it("makes a secret on first start, readable by its owner only, and keeps it", async () => {
    const file = join(dir, "data", "auth-secret");
    const first = await demoAuth({}, file);
    const again = await demoAuth({}, file);
    expect(first.secret).toMatch(/^[\w-]{43}$/);
    expect(again.secret).toBe(first.secret);
    expect((await readFile(file, "utf8")).trim()).toBe(first.secret);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.settings.anonymous).toBe("read");
  });

  it("uses AUTH_JWT_SECRET when set, and writes nothing", async () => {
    const file = join(dir, "unused");
    const secret = "a-shared-secret-of-at-least-32-bytes!!";
    const auth = await demoAuth({ AUTH_JWT_SECRET: secret, AUTH_ANONYMOUS: "none" }, file);
    expect(auth.secret).toBe(secret);
    expect(auth.settings.anonymous).toBe("none");
    await expect(stat(file)).rejects.toThrow();
  });

  it("issues a customer token for jdoe and an admin token that the demo's settings accept", async () => {
    const auth = await demoAuth({ AUTH_AUDIENCE: "tusk-demo", AUTH_JWT_SECRET: "x".repeat(32) });
    const tokens = await demoTokens(auth.secret!, registry, auth.settings);
    const authenticator = createAuthenticator(auth.settings);
    const customer = await authenticator.authenticate(`Bearer ${tokens.customer}`);
    const admin = await authenticator.authenticate(`Bearer ${tokens.admin}`);
    expect(customer).toMatchObject({ kind: "user", username: "jdoe" });
    expect(customer.kind === "user" && customer.scopes.has("orders:write")).toBe(true);
    expect(customer.kind === "user" && customer.scopes.has("admin")).toBe(false);
    expect(admin.kind === "user" && admin.scopes.has("admin")).toBe(true);
  });
});
