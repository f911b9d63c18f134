import { expect, it } from "vitest";
import { banner } from "./banner.ts";

it("names both APIs, the docs page, GraphiQL, the metrics and the health endpoints", () => {
  const text = banner(
    { restUrl: "http://localhost:4000", graphqlUrl: "http://localhost:4001/graphql", seeded: true },
    "PGlite in memory",
  );
  expect(text).toMatch(/^Tusk is running on PGlite in memory \(demo data seeded\)\n/);
  for (const line of [
    /REST +http:\/\/localhost:4000\/v1$/m,
    /Docs +http:\/\/localhost:4000\/docs$/m,
    /GraphQL +http:\/\/localhost:4001\/graphql .*GraphiQL/m,
    /Metrics +http:\/\/localhost:4000\/metrics +http:\/\/localhost:4001\/metrics$/m,
    /Health +http:\/\/localhost:4000\/healthz +http:\/\/localhost:4000\/readyz .*http:\/\/localhost:4001/m,
  ]) {
    expect(text).toMatch(line);
  }
});
