import { describe, expect, it } from "vitest";
import { readCaseTable, renderChart } from "./chart.ts";

const REPORT = `2026-12-06T03:00:00Z · Node v20

| scenario    | server             | req/s | CPU ms/request | p50 ms |
| ----------- | ------------------ | ----- | -------------- | ------ |
| one product | raw node:http + pg | 8000  | 0.10           | 1.0    |
| one product | REST (Tusk)        | 900   | 1.05           | 15.0   |
| zoom        | REST <Tusk> & co   | 300   | 12.5           | 30.0   |

| scenario | REST / raw |
| --- | --- |
| one product | 0.11× |`;

describe("readCaseTable", () => {
  it("reads the rows of the first case table and stops at its end", () => {
    expect(readCaseTable(REPORT)).toEqual([
      { scenario: "one product", server: "raw node:http + pg", requestsPerSecond: 8000, cpuMs: 0.1 },
      { scenario: "one product", server: "REST (Tusk)", requestsPerSecond: 900, cpuMs: 1.05 },
      { scenario: "zoom", server: "REST <Tusk> & co", requestsPerSecond: 300, cpuMs: 12.5 },
    ]);
  });

  it("says so when there is no case table", () => {
    expect(() => readCaseTable("# nothing here")).toThrow(/no case table/);
  });
});

describe("renderChart", () => {
  const svg = renderChart(readCaseTable(REPORT), "a run");

  it("draws one bar per row, longer for more CPU time, on a log axis from 0.1 to 100 ms", () => {
    const widths = [...svg.matchAll(/<rect x="230" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeLessThan(widths[1] as number);
    expect(widths[1]).toBeLessThan(widths[2] as number);
    expect(svg).toContain(">0.1 ms<");
    expect(svg).toContain(">100 ms<");
  });

  it("has a title, and escapes the labels", () => {
    expect(svg).toContain("<title>CPU time per request (log scale; shorter is better): a run</title>");
    expect(svg).toContain("REST &lt;Tusk&gt; &amp; co");
    expect(svg).not.toContain("<Tusk>");
  });
});
