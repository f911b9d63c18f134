import { ApiError } from "@tusk/errors";
import { GraphQLError, parse, specifiedRules, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { maskError } from "./mask-error.ts";
import { createSchema } from "./schema.ts";

const schema = createSchema();

describe("maskError", () => {
  it.each([
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "CONFLICT",
    "FORBIDDEN",
    "UNPROCESSABLE",
    "PRECONDITION_FAILED",
  ] as const)("keeps an expected %s with its message", (code) => {
    const error = new GraphQLError("wrapped", {
      originalError: new ApiError(code, "Told you."),
      path: ["x"],
    });
    expect(maskError(error)).toMatchObject({
      message: "wrapped; Told you.",
      path: ["x"],
      extensions: { code },
    });
  });

  it("hides anything unexpected behind INTERNAL_SERVER_ERROR, without SQL or stack", () => {
    const leak = new Error('relation "products" does not exist: SELECT * FROM products');
    const masked = maskError(new GraphQLError(leak.message, { originalError: leak, path: ["products"] }));
    expect(masked).toEqual({
      message: "Internal server error.",
      path: ["products"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    expect(JSON.stringify(masked)).not.toMatch(/SELECT|stack/);
  });

  it("adds a stack only when asked", () => {
    const error = new GraphQLError("boom", { originalError: new Error("boom"), path: ["x"] });
    expect(maskError(error, { includeStack: true }).extensions?.stacktrace).toEqual(
      expect.arrayContaining([expect.stringContaining("boom")]),
    );
  });

  it("reports GraphQL's own validation errors as BAD_USER_INPUT", () => {
    const [error] = validate(schema, parse(`{ product(id: 1) { nope } }`), specifiedRules);
    expect(maskError(error!)).toMatchObject({
      extensions: { code: "BAD_USER_INPUT" },
      message: expect.stringContaining("nope"),
    });
  });

  it("names the argument of a bad identifier literal, with the reason", () => {
    const [error] = validate(schema, parse(`{ book(isbn: "978-0-306-40615-3") { isbn } }`), specifiedRules);
    expect(maskError(error!)).toMatchObject({
      message: expect.stringContaining("check digit is 3, expected 7"),
      extensions: { code: "BAD_USER_INPUT", argumentName: "isbn", reason: "check digit is 3, expected 7" },
    });
  });

  it("names the input field of a bad literal inside an input object", () => {
    const [error] = validate(
      schema,
      parse(
        `mutation { createVehicle(input: { vin: "nope", make: "a", model: "b", year: 1, username: "jdoe" }) { vin } }`,
      ),
      specifiedRules,
    );
    expect(maskError(error!).extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argumentName: "input",
      field: "vin",
    });
  });

  it("trusts only our own codes in an already formatted error", () => {
    expect(maskError({ message: "gone", extensions: { code: "NOT_FOUND" } })).toEqual({
      message: "gone",
      extensions: { code: "NOT_FOUND" },
    });
    expect(maskError({ message: "db down at 10.0.0.1", extensions: { code: "SOMETHING" } })).toEqual({
      message: "Internal server error.",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

describe("one GraphQL request freezes both APIs: error formatting", () => {
  it("formats a hundred located errors of a large document in time linear in the document", () => {
    const filler = `# ${"x".repeat(2_000)}\n`.repeat(400);
    const lookups = Array.from({ length: 100 }, (_, i) => `u${i}: user(username: "!bad ${i}") { username }`);
    const document = parse(`${filler}{ ${lookups.join(" ")} }`);
    const errors = validate(schema, document, specifiedRules);
    expect(errors).toHaveLength(100);
    const started = performance.now();
    const masked = errors.map((error) => maskError(error));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(masked[99]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argumentName: "username" });
  });
});
