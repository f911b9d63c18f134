#!/usr/bin/env node
// Removes earlier JSON test reports so the totals only count this run.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { workspaceDirs } from "./test-results.mjs";

for (const dir of workspaceDirs()) rmSync(join(dir, ".test-results"), { recursive: true, force: true });
