/**
 * A sorted, plain-text summary of the registry (resources, paths, identifiers, relations), kept
 * as a file snapshot so that any change to what the APIs serve shows up in review.
 * Update it with `npx vitest run -u` after an intended change.
 */
import { expect, test } from "vitest";
import { summarise } from "../test/summary.ts";
import { registry } from "./index.ts";

test("registry summary", async () => {
  await expect(summarise(registry)).toMatchFileSnapshot("./__snapshots__/registry-summary.txt");
});
