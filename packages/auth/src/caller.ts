import { ADMIN_SCOPE } from "./scopes.ts";

/**
 * Who is asking: nobody in particular, or a user named by a verified token with its scopes.
 *
 * @example
 * const caller: Caller = { kind: "user", username: "jdoe", scopes: new Set(["orders:read"]) };
 */
export type Caller =
  | { readonly kind: "anonymous" }
  | { readonly kind: "user"; readonly username: string; readonly scopes: ReadonlySet<string> };

/**
 * A caller with a verified token.
 *
 * @example
 * const user: UserCaller = userCaller("jdoe", ["orders:read"]);
 */
export type UserCaller = Extract<Caller, { kind: "user" }>;

/**
 * The caller of a request without credentials.
 *
 * @example
 * createContext({ prisma, uris, caller: ANONYMOUS });
 */
export const ANONYMOUS: Caller = Object.freeze({ kind: "anonymous" });

/**
 * A user caller with the given scopes.
 *
 * @example
 * userCaller("jdoe", ["orders:read", "orders:write"]).scopes.has("orders:read"); // true
 */
export function userCaller(username: string, scopes: Iterable<string>): UserCaller {
  return { kind: "user", username, scopes: new Set(scopes) };
}

/**
 * Whether the caller holds `admin`: every scope, every row.
 *
 * @example
 * isAdmin(userCaller("root", ["admin"])); // true
 */
export function isAdmin(caller: Caller): boolean {
  return caller.kind === "user" && caller.scopes.has(ADMIN_SCOPE);
}

/**
 * Whether the caller holds a scope (`admin` holds them all).
 *
 * @example
 * hasScope(userCaller("jdoe", ["orders:read"]), "orders:write"); // false
 */
export function hasScope(caller: Caller, scope: string): boolean {
  return caller.kind === "user" && (caller.scopes.has(scope) || caller.scopes.has(ADMIN_SCOPE));
}
