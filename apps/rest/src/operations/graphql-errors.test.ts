import { ApiError } from "@tusk/errors";
import { registry } from "@tusk/registry";
import { describe, expect, it } from "vitest";
import { apiErrorFromGraphql } from "./graphql-errors.ts";

const products = registry.byPath("products");

const translate = (extensions: Record<string, unknown>, message = "Bad value.") =>
  apiErrorFromGraphql([{ message, extensions }], products) as ApiError;

describe("apiErrorFromGraphql", () => {
  it("makes bad input to a write's input argument 422, naming fields as the client does", () => {
    const error = translate({
      code: "BAD_USER_INPUT",
      argumentName: "input",
      field: "createdAt",
      invalidParams: [{ name: "input.createdAt", reason: "must not be in the future" }],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.invalidParams).toEqual([{ name: "created_at", reason: "must not be in the future" }]);
    expect(error.message).toBe("Invalid fields: created_at (must not be in the future).");
  });

  it("decides by the argument, not by where the word input appears", () => {
    const error = translate({
      code: "BAD_USER_INPUT",
      argumentName: "where",
      invalidParams: [{ name: "where.name", reason: "input too long" }],
    });
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.invalidParams).toEqual([{ name: "name", reason: "input too long" }]);
    expect(translate({ code: "CONFLICT", argumentName: "input", field: "sku" }).code).toBe("CONFLICT");
  });

  it("names connection arguments by their query parameters", () => {
    const error = translate({ code: "BAD_USER_INPUT", argumentName: "after", field: "after" });
    expect(error.invalidParams).toEqual([{ name: "cursor", reason: "Bad value." }]);
  });

  it("keeps the first known code and leaves unknown errors to be masked", () => {
    const errors = [{ message: "odd" }, { message: "No product 5.", extensions: { code: "NOT_FOUND" } }];
    const found = apiErrorFromGraphql(errors) as ApiError;
    expect([found.code, found.message]).toEqual(["NOT_FOUND", "No product 5."]);
    const unknown = apiErrorFromGraphql([{ message: "boom", extensions: { code: "WHATEVER" } }]);
    expect(unknown).not.toBeInstanceOf(ApiError);
  });
});
