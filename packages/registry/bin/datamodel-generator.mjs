#!/usr/bin/env node
// A Prisma generator that writes the parsed data model (Prisma's DMMF) to
// JSON, so the registry reads models, fields and relations exactly as Prisma
// understands them without parsing schema.prisma itself. Runs in the same
// `prisma generate` as the client.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import gh from "@prisma/generator-helper";

gh.generatorHandler({
  onManifest: () => ({ prettyName: "Tusk data model", defaultOutput: "../packages/registry/generated" }),
  onGenerate: async (options) => {
    const out = options.generator.output?.value;
    if (!out) throw new Error("datamodel generator: no output directory");
    mkdirSync(out, { recursive: true });
    const { models, enums } = options.dmmf.datamodel;
    writeFileSync(join(out, "datamodel.json"), `${JSON.stringify({ models, enums }, null, 2)}\n`);
  },
});
