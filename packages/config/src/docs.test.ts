/** docs/configuration.md lists exactly the settings of SETTINGS, with their defaults and accepted values. */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { SETTINGS } from "./settings.ts";

const doc = readFileSync(new URL("../../../docs/configuration.md", import.meta.url), "utf8");

/** Rows of the first table whose first cell is a variable name in backticks. */
function documentedSettings(): Record<string, { fallback: string; accepts: string; description: string }> {
  const table = doc.slice(0, doc.indexOf("## Which app reads what"));
  const rows: Record<string, { fallback: string; accepts: string; description: string }> = {};
  for (const line of table.split("\n")) {
    const [, name, fallback = "", accepts = "", description = ""] = line
      .split("|")
      .map((cell) => cell.trim());
    const variable = /^`([A-Z_]+)`$/.exec(name ?? "")?.[1];
    if (variable) rows[variable] = { fallback, accepts, description };
  }
  return rows;
}

test("the table in docs/configuration.md is SETTINGS, row for row", () => {
  const expected = Object.fromEntries(
    Object.entries(SETTINGS).map(([name, { fallback, accepts, description }]) => [
      name,
      { fallback, accepts, description },
    ]),
  );
  expect(documentedSettings()).toEqual(expected);
});
