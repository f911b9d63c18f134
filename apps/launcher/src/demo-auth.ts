import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { type AuthSettings, customerScopes, issueToken, readAuthSettings } from "@tusk/auth";
import { DEFAULT_PGLITE_DIR, FIXTURE } from "@tusk/db";
import type { Registry } from "@tusk/registry";

/**
 * Where `npm start` keeps the signing secret it made, when `AUTH_JWT_SECRET` is unset: beside the
 * demo database, so tokens it printed keep working across restarts.
 *
 * @example
 * DEMO_SECRET_FILE; // "<project>/.data/auth-secret"
 */
export const DEMO_SECRET_FILE = resolve(dirname(DEFAULT_PGLITE_DIR), "auth-secret");

/** The secret in `file`, made (32 random bytes) and kept there, readable by its owner only, on first use. */
async function keptSecret(file: string): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another start made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return (await readFile(file, "utf8")).trim();
    throw error;
  }
}

/**
 * The demo's authentication: the `AUTH_*` settings, and when they name no key source a shared
 * secret kept in `file`. `secret` is set when tokens can be issued here (a key set's private
 * keys are with its identity provider).
 *
 * @example
 * const { settings, secret } = await demoAuth(process.env);
 */
export async function demoAuth(
  env: NodeJS.ProcessEnv,
  file: string = DEMO_SECRET_FILE,
): Promise<{ settings: AuthSettings; secret: string | undefined }> {
  const settings = readAuthSettings(env);
  if (settings.verifier) return { settings, secret: settings.verifier.secret };
  const secret = await keptSecret(file);
  return { settings: { ...settings, verifier: { secret } }, secret };
}

/**
 * Two ready tokens for the demo, valid 30 days: the seed's customer `jdoe` with a customer's
 * scopes (read everything, write their own rows), and `admin`.
 *
 * @example
 * const { customer, admin } = await demoTokens(secret, registry, settings);
 */
export async function demoTokens(
  secret: string,
  registry: Registry,
  settings: AuthSettings,
): Promise<{ customer: string; admin: string }> {
  const claims = {
    expiresIn: "30d",
    ...(settings.verifier?.issuer ? { issuer: settings.verifier.issuer } : {}),
    ...(settings.verifier?.audience ? { audience: settings.verifier.audience } : {}),
  };
  return {
    customer: await issueToken(secret, {
      ...claims,
      subject: FIXTURE.username,
      scopes: customerScopes(registry),
    }),
    admin: await issueToken(secret, { ...claims, subject: "admin", scopes: ["admin"] }),
  };
}
