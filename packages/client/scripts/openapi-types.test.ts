/** The checked-in client types are what the generator makes from today's OpenAPI document. */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { expect, test } from "vitest";
import { generateClientFiles } from "./openapi-types.ts";

test("regenerating src/generated changes nothing (else run `npm run generate:client`)", async () => {
  const files = await generateClientFiles();
  expect(files.map((file) => relative(import.meta.dirname, file.path))).toEqual([
    "../src/generated/openapi.ts",
    "../src/generated/query-style.ts",
  ]);
  for (const { path, content } of files) expect(readFileSync(path, "utf8"), path).toBe(content);
});

test("a problem's type is any URI, not the URIs of the server the document was built for", async () => {
  const [types] = await generateClientFiles();
  expect(types?.content).not.toContain("localhost:4000/v1/problems/");
});
