import { describe, expect, it } from "vitest";
import { formatSoak } from "./soak.ts";

const MB = 1024 * 1024;

describe("formatSoak", () => {
  it("lists every sample and the growth from the first and from a tenth of the soak on", () => {
    const report = formatSoak([
      { second: 0, rss: 100 * MB },
      { second: 30, rss: 150 * MB },
      { second: 300, rss: 165 * MB },
    ]);
    expect(report).toContain("| 30 | 150.0 |");
    expect(report).toContain(
      "RSS growth over the soak: +65.0 % (100.0 MB → 165.0 MB); from second 30: +10.0 % (150.0 MB → 165.0 MB)",
    );
  });

  it("says so when there is nothing to report", () => {
    expect(formatSoak([])).toBe("no samples");
  });
});
