import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../../../", import.meta.url).pathname;
const TABLE = readFileSync(join(ROOT, "docs/narwhl-conformance.md"), "utf8");
const CHECKLIST = join(ROOT, "../shared/NARWHL.md");

/** Every test file of the REST app, read as text: cited test names are looked up in the source. */
function testSources(): string {
  const dirs = ["apps/rest/src", "apps/rest/test"].map((dir) => join(ROOT, dir));
  const files = dirs.flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".test.ts"))
      .map((file) => join(dir, file)),
  );
  return files.map((file) => readFileSync(file, "utf8")).join("\n");
}

interface Row {
  readonly item: number;
  readonly status: string;
  /** The exact test names cited in the "tests" column. */
  readonly tests: readonly string[];
  readonly notes: string;
}

/** `| # | item | status | tests | notes |`; tests are backticked and separated by `<br>`. */
const rows: Row[] = TABLE.split("\n")
  .filter((line) => /^\| \d+ +\|/.test(line))
  .map((line) => {
    const cells = line.split("|").map((cell) => cell.trim());
    return {
      item: Number(cells[1]),
      status: cells[3] ?? "",
      tests: [...(cells[4] ?? "").matchAll(/`([^`]+)`/g)].map((match) => match[1] as string),
      notes: cells[5] ?? "",
    };
  });

describe("docs/narwhl-conformance.md", () => {
  it("has one row per numbered checklist item, in order", () => {
    // The checklist lives beside the repository on the project's machines; elsewhere, check 1..N.
    const items = existsSync(CHECKLIST)
      ? [...readFileSync(CHECKLIST, "utf8").matchAll(/^(\d+)\. {1,2}\*\*/gm)].map((match) => Number(match[1]))
      : rows.map((_, index) => index + 1);
    expect(items.length).toBeGreaterThanOrEqual(158);
    expect(rows.map((row) => row.item)).toEqual(items);
  });

  it("gives every item a known status; met and partly rows cite tests, the others say why", () => {
    for (const row of rows) {
      expect(["met", "partly", "not met", "not applicable"], `item ${row.item}`).toContain(row.status);
      if (row.status === "met" || row.status === "partly") {
        expect(row.tests.length, `item ${row.item}`).toBeGreaterThan(0);
      } else {
        expect(row.tests, `item ${row.item}`).toEqual([]);
        expect(row.notes.length, `item ${row.item}`).toBeGreaterThan(10);
      }
      if (row.status === "partly") expect(row.notes.length, `item ${row.item}`).toBeGreaterThan(10);
    }
  });

  it("cites only tests that exist in the REST app's test files", () => {
    const sources = testSources();
    const missing = rows.flatMap((row) =>
      row.tests.filter((name) => !sources.includes(name)).map((name) => `item ${row.item}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
