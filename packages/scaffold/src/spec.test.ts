import { describe, expect, it } from "vitest";
import { parseSpec, UsageError } from "./spec.ts";

describe("parseSpec", () => {
  it("derives the path, the description and a default field", () => {
    expect(parseSpec(["LineCategory"])).toEqual({
      model: "LineCategory",
      path: "line_categories",
      description: "A line category.",
      fields: [{ name: "name", type: "String", optional: false }],
      public: false,
    });
    expect(parseSpec(["Box", "--path", "crates", "--field", "size:Int?", "--public"])).toMatchObject({
      path: "crates",
      fields: [{ name: "size", type: "Int", optional: true }],
      public: true,
    });
  });

  it.each([
    [[], "give exactly one model name"],
    [["A", "B"], "give exactly one model name"],
    [["gadget"], "PascalCase"],
    [["Gadget", "--path", "Gadgets"], "--path Gadgets"],
    [["Gadget", "--field", "weight"], "--field weight: write it as name:Type"],
    [["Gadget", "--field", "weight:Float"], "the type must be one of"],
    [["Gadget", "--field", "id:Int"], "--field id:Int: id is added anyway"],
    [["Gadget", "--field", "a:Int", "--field", "a:String"], "--field a: given twice"],
  ])("refuses %j, naming the argument", (args, message) => {
    expect(() => parseSpec(args)).toThrow(UsageError);
    expect(() => parseSpec(args)).toThrow(message);
  });
});
