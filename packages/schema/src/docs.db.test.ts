import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness.ts";

const doc = readFileSync(new URL("../../../docs/graphql.md", import.meta.url), "utf8");

interface Example {
  readonly source: string;
  readonly expected?: { data?: unknown; errors?: unknown[] };
}

/** Every ```graphql block, with the ```json block right after it as its expected result. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const pattern = /```graphql\n([\s\S]*?)```\s*(?:```json\n([\s\S]*?)```)?/g;
  for (const match of markdown.matchAll(pattern)) {
    found.push({ source: match[1]!, ...(match[2] ? { expected: JSON.parse(match[2]) } : {}) });
  }
  return found;
}

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("docs/graphql.md", () => {
  const all = examples(doc);

  it("has examples", () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  // In order: the mutation examples build on each other.
  it.each(all.map((example, index) => [index + 1, example.source.split("\n")[0], example] as const))(
    "example %i runs as documented: %s",
    async (_index, _first, example) => {
      const result = await h.run(example.source);
      if (example.expected?.errors) {
        expect(result.errors).toMatchObject(example.expected.errors);
        return;
      }
      expect(result.errors).toBeUndefined();
      if (example.expected) expect(result.data).toEqual(example.expected.data);
    },
  );
});
