/** Replays the example table of docs/uri.md, so the page stays true. */
import { readFileSync } from "node:fs";
import { registry } from "@tusk/registry";
import { describe, expect, test } from "vitest";
import { createUriBuilder } from "./builder.ts";

const doc = readFileSync(new URL("../../../docs/uri.md", import.meta.url), "utf8");
const uris = createUriBuilder({ registry, baseUrl: "https://api.example.com" });
const ERROR_CODES = new Set(["not-found", "bad-identifier", "wrong-version", "foreign-base"]);

/** Rows `| `path` | result | `canonical` | notes |` of the examples table. */
const rows = doc
  .split("\n")
  .filter((line) => line.startsWith("| `"))
  .map((line) => line.split("|").map((cell) => cell.trim()))
  .filter(([, path]) => path?.startsWith("`/") || path?.startsWith("`http"))
  .map(([, path = "", result = "", canonical = "", notes = ""]) => ({
    path: path.replaceAll("`", ""),
    result,
    canonicalPath: canonical.replaceAll("`", "") || undefined,
    notes,
  }))
  .filter((row) => /^[a-z-]+$/.test(row.result));

describe("docs/uri.md examples", () => {
  test("the table covers every route kind and every error code", () => {
    const results = new Set(rows.map((row) => row.result));
    for (const kind of [
      "root",
      "openapi",
      "problem",
      "collection",
      "item",
      "relation",
      "relation-item",
      "definition",
      "view",
    ])
      expect(results).toContain(kind);
    for (const code of ERROR_CODES) expect(results).toContain(code);
  });

  test.each(rows.map((row) => [row.path, row] as const))("%s", (path, row) => {
    const parsed = uris.parse(path);
    if (ERROR_CODES.has(row.result)) {
      if (parsed.ok) throw new Error(`${path} parsed`);
      expect(parsed.reason.code).toBe(row.result);
      const detail = /`([a-z-]+)` at position (\d+)/.exec(row.notes);
      if (detail && parsed.reason.code === "bad-identifier") {
        expect(parsed.reason.error.code).toBe(detail[1]);
        expect(parsed.reason.position).toBe(Number(detail[2]));
      }
      return;
    }
    if (!parsed.ok) throw new Error(`${path}: ${parsed.reason.message}`);
    const { route } = parsed;
    expect(route.kind).toBe(row.result);
    expect(route.canonicalPath).toBe(row.canonicalPath);
    expect(route.canonical).toBe(path.split("?")[0] === row.canonicalPath);
    expect(route.movedFrom).toBe(/moved from `([a-z_]+)`/.exec(row.notes)?.[1]);
    expect(route.canonicalResourceUri).toBe(/canonical link `([^`]+)`/.exec(row.notes)?.[1]);
  });
});
