import { registry } from "@tusk/registry";
import { createSchema } from "@tusk/schema";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { bindFilterSlots, FILTER_LEVELS, filterSlots } from "./filter-slots.ts";

describe("filterSlots", () => {
  const schema = createSchema({ registry });
  const products = registry.byPath("products");
  if (!products) throw new Error("no products");
  const slots = filterSlots(schema, products);

  it("declares one variable of the field's operator type per filterable field and level", () => {
    const filterable = products.fields.filter((field) => field.filterable);
    expect(slots.variables).toHaveLength(filterable.length * FILTER_LEVELS);
    expect(slots.variables).toContain("$where_price: DecimalFilter");
    expect(slots.variables).toContain("$where_name: StringFilter");
    expect(slots.variables.join(" ")).not.toContain("ProductFilter");
    expect(slots.filterType).toBe("ProductFilter");
    expect(slots.literal).toMatch(
      /^\{ .*price: \$where_price.*, AND: \[\{ .*price: \$where1_price.* \}\] \}$/,
    );
  });

  it("no filter sets no variable", () => {
    expect(slots.encode(null)).toEqual({});
    expect(slots.encode(undefined)).toEqual({});
    expect(slots.encode({})).toEqual({});
  });

  it("merges different operators on one field into one operator object", () => {
    const where = { AND: [{ price: { gte: "10" } }, { price: { lt: "50" } }, { name: { contains: "a" } }] };
    expect(slots.encode(where)).toEqual({
      where_price: { gte: "10", lt: "50" },
      where_name: { contains: "a" },
    });
  });

  it("puts a repeated operator on the next level, and reads direct fields and nested ANDs alike", () => {
    const where = {
      id: { equals: 3 },
      AND: [{ name: { contains: "a" } }, { AND: [{ name: { contains: "b" } }] }],
    };
    expect(slots.encode(where)).toEqual({
      where_id: { equals: 3 },
      where_name: { contains: "a" },
      where1_name: { contains: "b" },
    });
  });

  it("refuses what the slots cannot hold, so the caller takes the fallback document", () => {
    const repeated = Array.from({ length: FILTER_LEVELS + 1 }, (_, i) => ({ name: { contains: `${i}` } }));
    expect(slots.encode({ AND: repeated })).toBeUndefined();
    expect(slots.encode({ OR: [{ price: { gte: "1" } }] })).toBeUndefined();
    expect(slots.encode({ NOT: [{ price: { gte: "1" } }] })).toBeUndefined();
    expect(slots.encode({ nope: { equals: 1 } })).toBeUndefined();
    expect(slots.encode("price")).toBeUndefined();
  });

  it("binds a route's where to the slots, or to a fallback document built once", () => {
    const document = parse("{ __typename }");
    let built = 0;
    const fallback = { id: "fallback", source: "", document };
    const operation = bindFilterSlots({ id: "slots", source: "", document }, slots, () => {
      built += 1;
      return fallback;
    });
    const fits = operation.bind?.({ where: { AND: [{ price: { gte: "1" } }] }, first: 5 });
    expect(fits?.operation).toBe(operation);
    expect(fits?.variables).toEqual({ where_price: { gte: "1" }, first: 5 });
    const or = { where: { OR: [{ price: { gte: "1" } }] }, first: 5 };
    expect(operation.bind?.(or)).toEqual({ operation: fallback, variables: or });
    operation.bind?.(or);
    expect(built).toBe(1);
  });
});
