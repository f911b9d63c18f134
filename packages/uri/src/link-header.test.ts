import fc from "fast-check";
import LinkHeader from "http-link-header";
import { describe, expect, test } from "vitest";
import { anyText } from "../test/arbitraries.ts";
import { formatLinkHeader, type LinkValue, linksWithRel, parseLinkHeader } from "./link-header.ts";

const BASE = "https://api.example.com/v1";

describe("formatLinkHeader", () => {
  test.each<[string, LinkValue[], string]>([
    [
      "canonical",
      [{ href: `${BASE}/products/73924`, rel: "canonical" }],
      `<${BASE}/products/73924>; rel="canonical"`,
    ],
    [
      "several relation types and a type",
      [
        {
          href: `${BASE}/products/definition`,
          rel: "service service-desc",
          type: "application/openapi+json",
        },
      ],
      `<${BASE}/products/definition>; rel="service service-desc"; type="application/openapi+json"`,
    ],
    [
      "pagination, comma-separated",
      [
        { href: `${BASE}/products?limit=25&cursor=def`, rel: "next" },
        { href: `${BASE}/products?limit=25`, rel: "first" },
      ],
      `<${BASE}/products?limit=25&cursor=def>; rel="next", <${BASE}/products?limit=25>; rel="first"`,
    ],
    [
      "an extension relation type",
      [{ href: `${BASE}/manufacturers/7`, rel: `${BASE}/manufacturers/definition` }],
      `<${BASE}/manufacturers/7>; rel="${BASE}/manufacturers/definition"`,
    ],
    [
      "quotes and backslashes escaped as quoted-pairs",
      [{ href: `${BASE}/products/1`, rel: "related", title: 'say "hi" \\ bye; ok, then' }],
      `<${BASE}/products/1>; rel="related"; title="say \\"hi\\" \\\\ bye; ok, then"`,
    ],
    [
      "non-ASCII through name*",
      [{ href: `${BASE}/products/1`, rel: "related", "title*": "Prix en € (net)" }],
      `<${BASE}/products/1>; rel="related"; title*=UTF-8''Prix%20en%20%E2%82%AC%20%28net%29`,
    ],
    [
      "rel always first",
      [{ type: "text/html", href: `${BASE}`, rel: "up" }],
      `<${BASE}>; rel="up"; type="text/html"`,
    ],
    ["no links", [], ""],
  ])("%s", (_, links, expected) => {
    expect(formatLinkHeader(links)).toBe(expected);
  });

  test.each<[string, LinkValue]>([
    ["a target with a space", { href: "https://x.test/a b", rel: "next" }],
    ["a target with >", { href: "https://x.test/a>b", rel: "next" }],
    ["an empty rel", { href: "https://x.test/", rel: " " }],
    ["a parameter name that is not a token", { href: "https://x.test/", rel: "next", "ti tle": "x" }],
    ["non-ASCII in a plain parameter", { href: "https://x.test/", rel: "next", title: "€" }],
    ["a control character", { href: "https://x.test/", rel: "next", title: "a\nb" }],
  ])("refuses %s", (_, link) => {
    expect(() => formatLinkHeader([link])).toThrow(TypeError);
  });
});

describe("parseLinkHeader", () => {
  test.each<[string, string | string[], LinkValue[]]>([
    ["a token rel", `<${BASE}/a>; rel=next`, [{ href: `${BASE}/a`, rel: "next" }]],
    [
      "loose whitespace",
      ` <${BASE}/a> ;rel = "next" ;  type="text/html"  ,\t<${BASE}/b>;rel=up `,
      [
        { href: `${BASE}/a`, rel: "next", type: "text/html" },
        { href: `${BASE}/b`, rel: "up" },
      ],
    ],
    [
      "escapes",
      `<${BASE}/a>; rel="x"; title="a\\"b\\\\c,d;e"`,
      [{ href: `${BASE}/a`, rel: "x", title: 'a"b\\c,d;e' }],
    ],
    [
      "a parameter without value",
      `<${BASE}/a>; rel="x"; crossorigin`,
      [{ href: `${BASE}/a`, rel: "x", crossorigin: "" }],
    ],
    [
      "names are case-insensitive",
      `<${BASE}/a>; REL="Next"; Type="t"`,
      [{ href: `${BASE}/a`, rel: "Next", type: "t" }],
    ],
    [
      "only the first rel counts",
      `<${BASE}/a>; rel="next"; rel="prev"`,
      [{ href: `${BASE}/a`, rel: "next" }],
    ],
    [
      "empty list elements",
      `, <${BASE}/a>; rel=a, , <${BASE}/b>; rel=b,`,
      [
        { href: `${BASE}/a`, rel: "a" },
        { href: `${BASE}/b`, rel: "b" },
      ],
    ],
    [
      "several headers",
      [`<${BASE}/a>; rel=a`, `<${BASE}/b>; rel=b`],
      [
        { href: `${BASE}/a`, rel: "a" },
        { href: `${BASE}/b`, rel: "b" },
      ],
    ],
    [
      "ext-value",
      `<${BASE}/a>; rel=x; title*=UTF-8'en'%E2%82%AC%20rates`,
      [{ href: `${BASE}/a`, rel: "x", "title*": "€ rates" }],
    ],
    ["a comma inside the target", `<${BASE}/a,b>; rel=x`, [{ href: `${BASE}/a,b`, rel: "x" }]],
    ["empty", "", []],
  ])("%s", (_, header, expected) => {
    expect(parseLinkHeader(header)).toEqual(expected);
  });

  test("resolves relative targets against a base", () => {
    expect(
      parseLinkHeader("</v1/products/73924>; rel=canonical", `${BASE}/categories/36/products/73924`),
    ).toEqual([{ href: `${BASE}/products/73924`, rel: "canonical" }]);
  });

  test.each([
    ["no target", 'rel="next"'],
    ["an unclosed target", "<https://x.test/a; rel=next"],
    ["an unclosed quote", '<https://x.test/a>; rel="next'],
    ["no rel", "<https://x.test/a>; type=text/html"],
    ["garbage after a link", "<https://x.test/a>; rel=next junk"],
    ["a bad ext-value", "<https://x.test/a>; rel=next; title*=latin1''x"],
    ["a malformed ext-value", "<https://x.test/a>; rel=next; title*=UTF-8''%zz"],
  ])("refuses %s", (_, header) => {
    expect(() => parseLinkHeader(header)).toThrow(SyntaxError);
  });
});

test("linksWithRel matches one of several relation types, ignoring case", () => {
  const links = parseLinkHeader(`<${BASE}/d>; rel="service service-desc", <${BASE}/c>; rel=Canonical`);
  expect(linksWithRel(links, "service-desc").map((l) => l.href)).toEqual([`${BASE}/d`]);
  expect(linksWithRel(links, "canonical").map((l) => l.href)).toEqual([`${BASE}/c`]);
  expect(linksWithRel(links, "next")).toEqual([]);
});

describe("round trips", () => {
  const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const printable = fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  });
  const link = fc.record({
    href: fc.webUrl({ withQueryParameters: true }),
    rel: fc.array(token, { minLength: 1, maxLength: 3 }).map((rels) => rels.join(" ")),
    params: fc.dictionary(
      token.filter((t) => t !== "rel" && t !== "href"),
      printable,
      { maxKeys: 3 },
    ),
    title: fc.option(anyText(), { nil: undefined }),
  });
  const links = fc.array(
    link.map(
      ({ href, rel, params, title }): LinkValue => ({
        href,
        rel,
        ...params,
        ...(title === undefined ? {} : { "title*": title }),
      }),
    ),
    { maxLength: 4 },
  );

  test("whatever we format we parse back unchanged", () => {
    fc.assert(
      fc.property(links, (values) => {
        expect(parseLinkHeader(formatLinkHeader(values))).toEqual(values);
      }),
    );
  });

  test("an independent parser (http-link-header) reads what we format the same way", () => {
    // Without ext-values: that parser crashes on an empty one. It also splits "a b" into one ref
    // per relation type.
    const plainLinks = links.map((values) =>
      values.map(({ "title*": _title, ...rest }) => rest as LinkValue),
    );
    fc.assert(
      fc.property(plainLinks, (values) => {
        const expected = values.flatMap(({ href, rel, ...params }) =>
          rel.split(" ").map((one) => ({ uri: href, rel: one, ...params })),
        );
        expect(LinkHeader.parse(formatLinkHeader(values)).refs).toEqual(expected);
      }),
    );
  });
});
