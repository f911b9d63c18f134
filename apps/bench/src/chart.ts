/**
 * The benchmark chart: CPU time per request of every case of a report, drawn as SVG by hand
 * (a few rectangles and labels; a charting library would bring a browser or a canvas with it).
 */

/** One row of a report's case table. */
export interface ChartRow {
  readonly scenario: string;
  readonly server: string;
  readonly cpuMs: number;
  readonly requestsPerSecond: number;
}

const HEADER = /^\|\s*scenario\s*\|\s*server\s*\|\s*req\/s\s*\|\s*CPU ms\/request\s*\|/;

/**
 * The rows of the first case table in a Markdown text (a report, or docs/benchmarks.md whose
 * newest run comes first).
 *
 * @example
 * readCaseTable("| scenario | server | req/s | CPU ms/request |\n| --- | --- | --- | --- |\n| one product | raw | 900 | 0.10 |");
 * // [{ scenario: "one product", server: "raw", requestsPerSecond: 900, cpuMs: 0.1 }]
 */
export function readCaseTable(markdown: string): ChartRow[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => HEADER.test(line));
  if (start < 0) throw new Error("no case table (| scenario | server | req/s | CPU ms/request | …) found");
  const rows: ChartRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const [scenario = "", server = "", rps = "", cpu = ""] = line
      .split("|")
      .slice(1)
      .map((cell) => cell.trim());
    rows.push({ scenario, server, requestsPerSecond: Number(rps), cpuMs: Number(cpu) });
  }
  return rows;
}

const xml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

const COLORS = ["#9e9e9e", "#6d8fb3", "#c9a227", "#2e7d32", "#8e24aa", "#ef6c00"];
const BAR = 14;
const LABELS = 230;
const PLOT = 520;

/**
 * Horizontal bars of CPU ms per request, one group per scenario, one bar and colour per
 * server, on a logarithmic axis (the cases span four orders of magnitude): shorter is better.
 *
 * @example
 * writeFileSync("docs/images/benchmarks.svg", renderChart(readCaseTable(report), "2026-12-06"));
 */
export function renderChart(rows: readonly ChartRow[], title: string): string {
  const servers = [...new Set(rows.map((r) => r.server))];
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const values = rows.map((r) => r.cpuMs).filter((v) => v > 0);
  const low = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(...values, 1)));
  const x = (value: number) =>
    LABELS +
    (PLOT * (Math.log10(Math.max(value, low)) - Math.log10(low))) / (Math.log10(high) - Math.log10(low));
  const parts: string[] = [];
  let y = 70;
  for (const scenario of scenarios) {
    parts.push(`<text x="8" y="${y + 11}" font-weight="bold">${xml(scenario)}</text>`);
    for (const row of rows.filter((r) => r.scenario === scenario)) {
      const color = COLORS[servers.indexOf(row.server) % COLORS.length];
      parts.push(
        `<text x="${LABELS - 6}" y="${y + 11}" text-anchor="end">${xml(row.server)}</text>`,
        `<rect x="${LABELS}" y="${y}" width="${(x(row.cpuMs) - LABELS).toFixed(1)}" height="${BAR - 2}" fill="${color}"/>`,
        `<text x="${(x(row.cpuMs) + 4).toFixed(1)}" y="${y + 11}">${row.cpuMs.toFixed(2)} ms · ${row.requestsPerSecond.toFixed(0)} req/s</text>`,
      );
      y += BAR;
    }
    y += 10;
  }
  const ticks: string[] = [];
  for (let tick = low; tick <= high; tick *= 10)
    ticks.push(
      `<line x1="${x(tick)}" y1="55" x2="${x(tick)}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${x(tick)}" y="50" text-anchor="middle">${tick >= 1 ? tick : tick.toFixed(-Math.log10(tick))} ms</text>`,
    );
  const width = LABELS + PLOT + 170;
  const heading = `CPU time per request (log scale; shorter is better): ${xml(title)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${y + 10}" viewBox="0 0 ${width} ${y + 10}" font-family="sans-serif" font-size="11">`,
    `<title>${heading}</title>`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${heading}</text>`,
    ...ticks,
    ...parts,
    "</svg>",
    "",
  ].join("\n");
}
