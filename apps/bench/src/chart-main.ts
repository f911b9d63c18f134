/**
 * `npm run bench:chart [report.md]`: draws docs/images/benchmarks.svg from the case table of a
 * report (default: the newest run pasted in docs/benchmarks.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readCaseTable, renderChart } from "./chart.ts";

const docs = (path: string) => fileURLToPath(new URL(`../../../docs/${path}`, import.meta.url));
const source = process.argv[2] ?? docs("benchmarks.md");
const markdown = readFileSync(source, "utf8");
// The run's heading (### 2026-12-06, 03:40 UTC …) or the report's first line names it.
const title = /^### (.+)$/m.exec(markdown)?.[1] ?? markdown.split("\n")[0]?.split(" · ")[0] ?? "";
const target = docs("images/benchmarks.svg");
writeFileSync(target, renderChart(readCaseTable(markdown), title));
process.stderr.write(`${target} written from ${source}\n`);
