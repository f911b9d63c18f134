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
