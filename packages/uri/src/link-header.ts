/**
 * RFC 8288 `Link` header values, written by hand: `http-link-header` (the common package)
 * formats `"` and `\` in parameter values as `%22`/`%5C` instead of quoted-pairs, which changes
 * the value a client reads, and its parser splits `rel="service service-desc"` into two links.
 * It stays a dev dependency, as an independent parser the tests check this one against.
 */

/**
 * One link: an absolute target, its relation type(s) (space-separated, e.g. `"service
 * service-desc"`), and any target attributes (`type`, `title`, `title*`, ...).
 *
 * @example
 * const link: LinkValue = { href: "https://api.example.com/v1/products/73924", rel: "canonical" };
 */
export interface LinkValue {
  readonly href: string;
  readonly rel: string;
  readonly [param: string]: string;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const TOKEN_CHAR = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
const HREF = /^[\x21-\x3B\x3D\x3F-\x7E]+$/; // visible ASCII except "<" and ">"
const QDTEXT = /^[\t\x20-\x7E]*$/;

/** RFC 8187 ext-value for `name*` parameters: UTF-8, percent-encoded, no language. */
function encodeExtValue(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function decodeExtValue(raw: string): string {
  const [, charset, encoded] = /^([A-Za-z0-9!#$%&+^_`{}~-]+)'[A-Za-z0-9-]*'(.*)$/s.exec(raw) ?? [];
  if (charset?.toUpperCase() !== "UTF-8" || encoded === undefined)
    throw new SyntaxError(`Link header: unsupported ext-value ${raw}`);
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new SyntaxError(`Link header: malformed ext-value ${raw}`);
  }
}

function formatParam(name: string, value: string): string {
  if (!TOKEN.test(name)) throw new TypeError(`link parameter name "${name}" is not a token`);
  if (name.endsWith("*")) return `; ${name}=${encodeExtValue(value)}`;
  if (!QDTEXT.test(value))
    throw new TypeError(`link parameter ${name} has a character a quoted-string cannot carry; use ${name}*`);
  return `; ${name}="${value.replace(/[\\"]/g, "\\$&")}"`;
}

/**
 * Formats links as one `Link` header value. Every parameter is quoted, `"` and `\` are escaped
 * as quoted-pairs, `rel` comes first, and parameters named `name*` are written as RFC 8187
 * UTF-8 ext-values (the way to carry non-ASCII titles).
 *
 * @example
 * formatLinkHeader([
 *   { href: "https://api.example.com/v1/products/73924", rel: "canonical" },
 *   { href: "https://api.example.com/v1/products/definition", rel: "service service-desc", type: "application/openapi+json" },
 * ]);
 * // '<https://api.example.com/v1/products/73924>; rel="canonical", <https://api.example.com/v1/products/definition>; rel="service service-desc"; type="application/openapi+json"'
 */
export function formatLinkHeader(links: readonly LinkValue[]): string {
  return links
    .map(({ href, rel, ...params }) => {
      if (!HREF.test(href)) throw new TypeError(`link target "${href}" is not an encoded URI`);
      if (rel.trim() === "") throw new TypeError(`link to ${href} has no rel`);
      const rest = Object.entries(params).map(([name, value]) => formatParam(name, value));
      return `<${href}>${formatParam("rel", rel)}${rest.join("")}`;
    })
    .join(", ");
}

/** A cursor over one header value; each method consumes what it reads. */
class Reader {
  position = 0;
  constructor(readonly text: string) {}
  get done(): boolean {
    return this.position >= this.text.length;
  }
  peek(): string | undefined {
    return this.text[this.position];
  }
  skipSpace(): void {
    while (this.peek() === " " || this.peek() === "\t") this.position++;
  }
  fail(expected: string): never {
    throw new SyntaxError(`Link header: expected ${expected} at position ${this.position} of ${this.text}`);
  }
  until(end: string): string {
    const stop = this.text.indexOf(end, this.position);
    if (stop < 0) this.fail(`"${end}"`);
    const read = this.text.slice(this.position, stop);
    this.position = stop + 1;
    return read;
  }
  token(): string {
    const start = this.position;
    while (this.peek() !== undefined && TOKEN_CHAR.test(this.peek() ?? "")) this.position++;
    if (this.position === start) this.fail("a token");
    return this.text.slice(start, this.position);
  }
  quoted(): string {
    this.position++; // opening quote
    let value = "";
    for (;;) {
      const char = this.peek();
      if (char === undefined) this.fail('a closing "');
      this.position++;
      if (char === '"') return value;
      if (char === "\\") {
        const escaped = this.peek();
        if (escaped === undefined) this.fail("an escaped character");
        value += escaped;
        this.position++;
      } else value += char;
    }
  }
}

/**
 * Parses `Link` header values (one string, or the values of several `Link` headers) into links.
 * Parameter names are lowercased; only the first occurrence of a parameter counts (RFC 8288
 * §3.3); relative targets are resolved against `base` when one is given. Throws a SyntaxError on
 * malformed input or a link without `rel`.
 *
 * @example
 * parseLinkHeader('<https://api.example.com/v1/products/73924>; rel="canonical"');
 * // [{ href: "https://api.example.com/v1/products/73924", rel: "canonical" }]
 * parseLinkHeader("</v1/products?cursor=x>; rel=next", "https://api.example.com/v1/products");
 * // [{ href: "https://api.example.com/v1/products?cursor=x", rel: "next" }]
 */
export function parseLinkHeader(value: string | readonly string[], base?: string): LinkValue[] {
  const reader: Reader = new Reader(typeof value === "string" ? value : value.join(", "));
  const links: LinkValue[] = [];
  for (;;) {
    // The list rule allows empty elements: ", ," and leading or trailing commas.
    reader.skipSpace();
    while (reader.peek() === ",") {
      reader.position++;
      reader.skipSpace();
    }
    if (reader.done) return links;
    if (reader.peek() !== "<") reader.fail('"<"');
    reader.position++;
    const target = reader.until(">").trim();
    const params: Record<string, string> = {};
    for (;;) {
      reader.skipSpace();
      if (reader.done || reader.peek() === ",") break;
      if (reader.peek() !== ";") reader.fail('";" or ","');
      reader.position++;
      reader.skipSpace();
      const name = reader.token().toLowerCase();
      reader.skipSpace();
      let param = "";
      if (reader.peek() === "=") {
        reader.position++;
        reader.skipSpace();
        param = reader.peek() === '"' ? reader.quoted() : reader.token();
        if (name.endsWith("*")) param = decodeExtValue(param);
      }
      if (!Object.hasOwn(params, name)) params[name] = param;
    }
    const { rel, ...rest } = params;
    if (rel === undefined || rel === "") reader.fail(`a rel for <${target}>`);
    const href = base === undefined ? target : new URL(target, base).href;
    links.push({ href, rel, ...rest });
  }
}

/**
 * The links whose relation types include `rel`, compared case-insensitively (RFC 8288 §2.1).
 *
 * @example
 * linksWithRel(parseLinkHeader('<https://x/v1/products/definition>; rel="service service-desc"'), "service-desc");
 * // [{ href: "https://x/v1/products/definition", rel: "service service-desc" }]
 */
export function linksWithRel(links: readonly LinkValue[], rel: string): LinkValue[] {
  const wanted = rel.toLowerCase();
  return links.filter((link) => link.rel.toLowerCase().split(/\s+/).includes(wanted));
}
