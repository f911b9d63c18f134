import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RESERVED_WORDS } from "./reserved.ts";
import { identifierRules } from "./rules.ts";
import type { IdentifierKind } from "./types.ts";

const DOC_URL = new URL("../../../docs/identifiers.md", import.meta.url);
const doc = readFileSync(DOC_URL, "utf8");

interface Example {
  kind: IdentifierKind;
  raw: string;
  expected: { canonical: string } | { code: string };
}

/** Reads the example rows of every "## Title (`kind`)" section. */
function examples(): Example[] {
  const found: Example[] = [];
  let kind: IdentifierKind | undefined;
  for (const line of doc.split("\n")) {
    const heading = /^## .*\(`([a-z-]+)`\)$/u.exec(line);
    if (heading) {
      kind = heading[1] as IdentifierKind;
      continue;
    }
    if (line.startsWith("## ")) kind = undefined;
    const row = /^\| `([^`]+)` \| (?:`([^`]+)`|refused: `([a-z-]+)`)/u.exec(line);
    if (kind && row?.[1] !== undefined) {
      const [, raw, canonical, code] = row;
      found.push({ kind, raw, expected: canonical !== undefined ? { canonical } : { code: code ?? "" } });
    }
  }
  return found;
}

describe("docs/identifiers.md", () => {
  const rows = examples();

  it("documents every kind with examples", () => {
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(Object.keys(identifierRules)));
  });

  it.each(rows.map((row) => [row.kind, row.raw, row] as const))("%s example %j holds", (kind, raw, row) => {
    const result = identifierRules[kind].parse(raw);
    if ("canonical" in row.expected) {
      expect(result).toMatchObject({ ok: true, canonical: row.expected.canonical });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: row.expected.code } });
    }
  });

  it("lists exactly the reserved words", () => {
    const section = doc.split("## Reserved words")[1]?.split("\n\n")[2] ?? "";
    const listed = [...section.matchAll(/`([^`]+)`/gu)].map((match) => match[1]);
    expect(new Set(listed)).toEqual(RESERVED_WORDS);
  });
});
