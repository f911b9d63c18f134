import { registry } from "@tusk/registry";
import { createSchema } from "@tusk/schema";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { describe, expect, it } from "vitest";
import { hasRecursiveVariables } from "../executor/recursive-inputs.ts";
import { OperationCatalog } from "./catalog.ts";
import { shapeKey } from "./documents.ts";

describe("graphql-jit compiles every prepared document", () => {
  const schema = createSchema({ registry });
  const catalog = new OperationCatalog(schema, registry);
  const shapes = catalog.shapes();

  it("covers list, relation and aggregate shapes of every resource", () => {
    const kinds = new Set(shapes.map((shape) => shape.kind));
    expect([...kinds]).toEqual(
      expect.arrayContaining(["collection", "relation", "relation-item", "aggregate"]),
    );
    expect(new Set(shapes.map((shape) => shape.resource))).toEqual(new Set(registry.resources));
  });

  // graphql-jit 0.8 never returns from compiling a document with a recursive
  // input variable (zalando-incubator/graphql-jit#81), synchronously, so no
  // timeout could stop it: that is checked first, then the compile itself.
  it.each(shapes.map((shape) => [shapeKey(shape), shape] as const))("%s", (_key, shape) => {
    const { document } = catalog.operation(shape).operation;
    expect(hasRecursiveVariables(schema, document)).toBe(false);
    const compiled = compileQuery(schema, document);
    expect(isCompiledQuery(compiled) ? [] : compiled.errors).toEqual([]);
  });
});
