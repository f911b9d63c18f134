import { expect, it } from "vitest";
import { describeDatabase, resolveDatabaseLocation } from "./location.ts";

it.each([
  ["pglite://memory", "PGlite in memory"],
  ["/srv/tusk/pglite", "PGlite in /srv/tusk/pglite"],
  ["postgresql://app:secret@db.internal:6432/tusk", "PostgreSQL at db.internal:6432/tusk"],
  ["postgres://db.internal/tusk", "PostgreSQL at db.internal:5432/tusk"],
])("describes %s as %s, never with its password", (url, words) => {
  expect(describeDatabase(resolveDatabaseLocation(url))).toBe(words);
});
