import { ApiError } from "@tusk/errors";
import type { Request } from "express";

/**
 * `Prefer` request header (RFC 7240): comma-separated preferences, each `token [= value]`
 * followed by `;`-separated parameters. Names are case-insensitive; a value may be a quoted
 * string. A preference the server does not know, or cannot read, is ignored (§2), never refused.
 */

const PREFERENCE =
  /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*(?:=\s*("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+))?\s*$/;

/**
 * The preferences of `Prefer` header values, by lower-cased name; the first of a name wins
 * (RFC 7240 §2). Parameters are dropped: no preference read here takes any.
 *
 * @example
 * preferences("count=exact, return=minimal").get("count"); // "exact"
 */
export function preferences(header: string | readonly string[] | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const values = header === undefined ? [] : typeof header === "string" ? [header] : header;
  for (const item of values.flatMap((value) => value.split(","))) {
    const [head = ""] = item.split(";");
    const match = PREFERENCE.exec(head);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const raw = match[2] ?? "";
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
    if (!found.has(name)) found.set(name, value);
  }
  return found;
}

/**
 * The `max-affected=N` preference of a filtered PATCH or DELETE (as PostgREST reads it): the
 * most rows the request may change. Unlike other preferences it is required there, so a filter
 * that matches more than the client meant never changes everything: without it, or with a value
 * that is not a whole number, 400 naming the header.
 *
 * @example
 * maxAffected(req); // 10 for `Prefer: return=minimal, max-affected=10`
 */
export function maxAffected(req: Request): number {
  const value = preferences(req.get("prefer")).get("max-affected");
  if (value !== undefined && /^\d{1,9}$/.test(value)) return Number(value);
  const reason =
    value === undefined
      ? "max-affected=N is required on a filtered PATCH or DELETE: the most rows it may change"
      : "max-affected must be a whole number";
  throw new ApiError("BAD_USER_INPUT", `Prefer: ${reason}.`, { invalidParams: [{ name: "Prefer", reason }] });
}
