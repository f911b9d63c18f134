import { describe, expect, it } from "vitest";
import { lowerFirst, toCamelCase, toSnakeCase, toWords, upperFirst } from "./names.ts";

describe("case conversion", () => {
  it.each([
    ["unitPrice", "unit_price"],
    ["lineItems", "line_items"],
    ["vin17Check", "vin17_check"],
    ["id", "id"],
  ])("%s and %s convert into each other", (camel, snake) => {
    expect(toSnakeCase(camel)).toBe(snake);
    expect(toCamelCase(snake)).toBe(camel);
  });

  it.each([
    ["LineItem", "line item"],
    ["Product", "product"],
  ])("%s reads as %s in a sentence", (model, words) => {
    expect(toWords(model)).toBe(words);
  });

  it("changes only the first letter", () => {
    expect(upperFirst("lineItems")).toBe("LineItems");
    expect(lowerFirst("LineItem")).toBe("lineItem");
    expect(upperFirst("")).toBe("");
  });
});
