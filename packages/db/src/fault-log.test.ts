import { expect, it } from "vitest";
import { databaseFaultLog } from "./fault-log.ts";

it("writes one line per cause, again only after the quiet period", () => {
  const lines: string[] = [];
  let clock = 0;
  const report = databaseFaultLog((line) => lines.push(line), { quietMs: 1_000, now: () => clock });
  for (let i = 0; i < 100; i++) report("Can't reach database server at 127.0.0.1:5432 (P1001)");
  report("canceling statement due to statement timeout (57014)");
  clock = 1_000;
  report("Can't reach database server at 127.0.0.1:5432 (P1001)");
  expect(lines).toEqual([
    "database unavailable: Can't reach database server at 127.0.0.1:5432 (P1001)",
    "database unavailable: canceling statement due to statement timeout (57014)",
    "database unavailable: Can't reach database server at 127.0.0.1:5432 (P1001)",
  ]);
});
