import { describe, expect, it } from "vitest";
import { ROUTE_TABLE, TABLE_METHODS } from "../surface/index.ts";
import { HANDLERS, type HandlerTable } from "./handlers.ts";

describe("the handler map", () => {
  it("has exactly one handler for every route kind and method of the route table", () => {
    for (const [kind, row] of Object.entries(ROUTE_TABLE)) {
      const handlers = HANDLERS[kind as keyof HandlerTable];
      const tableMethods = TABLE_METHODS.filter((method) => method in row);
      expect(Object.keys(handlers).sort(), kind).toEqual([...tableMethods].sort());
      for (const handler of Object.values(handlers)) expect(typeof handler).toBe("function");
    }
  });

  it("does not compile with a handler missing or one the table does not list", () => {
    const withoutCreate: HandlerTable = {
      ...HANDLERS,
      // @ts-expect-error the table serves POST on collections, so a map without its handler is refused
      collection: { GET: HANDLERS.collection.GET },
    };
    const withExtra: HandlerTable = {
      ...HANDLERS,
      // @ts-expect-error the table has no POST on items, so a handler for it is refused
      item: { ...HANDLERS.item, POST: HANDLERS.item.PATCH },
    };
    expect(withoutCreate.collection).not.toHaveProperty("POST");
    expect(withExtra.item).toHaveProperty("POST");
  });
});
