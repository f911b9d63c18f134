import { expect, it } from "vitest";
import { boundedLabel } from "./bounded.ts";

it("keeps the first names it sees and folds later new ones into one label", () => {
  const label = boundedLabel(2);
  expect(["a", "b", "c", "a", "d", "b"].map(label)).toEqual(["a", "b", "other", "a", "other", "b"]);
});
