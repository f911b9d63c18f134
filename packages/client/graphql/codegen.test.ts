/** The checked-in typed documents are what graphql-codegen makes from today's SDL and documents. */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { generate } from "@graphql-codegen/cli";
import { expect, test } from "vitest";
import config, { GENERATED_DIR } from "./codegen.ts";

test("regenerating graphql/generated changes nothing (else run `npm run generate:graphql -w @tusk/client`)", async () => {
  const outputs = (await generate(config, false)) as { filename: string; content: string }[];
  const names = outputs.map((output) => basename(output.filename)).sort();
  expect(readdirSync(GENERATED_DIR).sort()).toEqual(names);
  for (const output of outputs)
    expect(readFileSync(join(GENERATED_DIR, basename(output.filename)), "utf8"), output.filename).toBe(
      output.content,
    );
  expect(names).toContain("graphql.ts");
}, 60_000);
