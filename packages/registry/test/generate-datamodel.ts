/**
 * Runs Prisma's own schema parser on schema text, through the same datamodel generator that
 * `npm run generate` uses, so tests can build a registry from a changed schema exactly as the
 * real one is built. Takes about a second (one `prisma generate`, offline).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Datamodel } from "../src/index.ts";

const registryDir = fileURLToPath(new URL("..", import.meta.url));
const generator = join(registryDir, "bin", "datamodel-generator.mjs");
const prismaCli = join(
  dirname(createRequire(import.meta.url).resolve("prisma/package.json")),
  "build",
  "index.js",
);

/** The project's prisma/schema.prisma. */
export const schemaPath = join(registryDir, "..", "..", "prisma", "schema.prisma");

/** Adds lines to the body of one model: fields before its first `@@` attribute, attributes at the end. */
export function addToModel(schema: string, model: string, lines: readonly string[]): string {
  const start = schema.indexOf(`model ${model} {`);
  const end = schema.indexOf("\n}", start);
  if (start < 0 || end < 0) throw new Error(`schema has no model ${model}`);
  const body = schema.slice(start, end);
  const firstAttribute = body.indexOf("\n  @@");
  const fields = lines.filter((l) => !l.trim().startsWith("@@"));
  const attributes = lines.filter((l) => l.trim().startsWith("@@"));
  const withFields =
    firstAttribute < 0
      ? `${body}\n${fields.join("\n")}`
      : `${body.slice(0, firstAttribute)}\n${fields.join("\n")}${body.slice(firstAttribute)}`;
  return `${schema.slice(0, start)}${withFields}\n${attributes.join("\n")}${schema.slice(end)}`;
}

/** Parses schema text (the full prisma/schema.prisma, possibly changed) into Prisma's data model. */
export function generateDatamodel(schema: string): Datamodel {
  const dir = mkdtempSync(join(tmpdir(), "tusk-registry-"));
  try {
    const output = join(dir, "out");
    // Only the datamodel generator runs: the client is not needed and would take much longer.
    const text = schema
      .replace(/generator client \{[^}]*\}/, "")
      .replace(
        /generator datamodel \{[^}]*\}/,
        `generator datamodel {\n  provider = ${JSON.stringify(`node ${generator}`)}\n  output   = ${JSON.stringify(output)}\n}`,
      );
    const file = join(dir, "schema.prisma");
    writeFileSync(file, text);
    // As in scripts/generate.mjs: Prisma's CLI wants its native engine to exist even for
    // `generate`, which never runs it, and offline machines cannot download it.
    const env = {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    };
    const run = spawnSync(process.execPath, [prismaCli, "generate", "--schema", file], {
      cwd: dir,
      env,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`prisma generate failed:\n${run.stdout}\n${run.stderr}`);
    return JSON.parse(readFileSync(join(output, "datamodel.json"), "utf8")) as Datamodel;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
