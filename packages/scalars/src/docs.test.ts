import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { scalarCodecs } from "./codecs.ts";

/** docs/values.md states each codec's syntax in its own words, so the page cannot drift from the code. */
it("docs/values.md has a row per scalar type with its codec's stated syntax", () => {
  const page = readFileSync(new URL("../../../docs/values.md", import.meta.url), "utf8");
  const rows = new Map(
    page
      .split("\n")
      .map((line) => /^\| `(\w+)` +\| (.+?) +\|/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
  for (const codec of Object.values(scalarCodecs))
    expect(rows.get(codec.type), codec.type).toBe(codec.syntax);
  expect([...rows.keys()].sort()).toEqual(Object.keys(scalarCodecs).sort());
});
