import { ApiError } from "@tusk/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";
import { type ErrorContext, toApiError } from "./errors.ts";
import { createTestDatabase, FIXTURE, testDatabaseKind } from "./testing/index.ts";

async function translated(work: () => Promise<unknown>, context: ErrorContext = {}): Promise<ApiError> {
  try {
    await work();
  } catch (error) {
    const result = toApiError(error, context);
    expect(result).toBeInstanceOf(ApiError);
    return result as ApiError;
  }
  throw new Error("expected the operation to fail");
}

describe(`toApiError on ${testDatabaseKind()}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: true });
  });
  afterAll(() => db?.close());

  it("turns a duplicate username into CONFLICT naming the field", async () => {
    // PostgreSQL's adapter names only the primary key index; the resource says which field that is.
    const users = { model: "User", identifier: { field: "username" } };
    const error = await translated(
      () =>
        db.prisma.user.create({
          data: { username: FIXTURE.username, displayName: "Other", email: "o@example.com" },
        }),
      { resource: users },
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("A user with this username already exists.");
    expect(error.invalidParams).toEqual([{ name: "username", reason: "already taken" }]);
  });

  it("names the unique field that clashed when it is not the identifier", async () => {
    const error = await translated(() =>
      db.prisma.user.create({ data: { username: "someone", displayName: "S", email: "jdoe@example.com" } }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.invalidParams.map((p) => p.name)).toEqual(["email"]);
  });

  it("turns an order for a missing user into UNPROCESSABLE naming the field", async () => {
    const error = await translated(() => db.prisma.order.create({ data: { username: "nobody" } as never }));
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.invalidParams).toEqual([{ name: "username", reason: "does not exist" }]);
  });

  it("names a camel-cased foreign key field", async () => {
    const error = await translated(() =>
      db.prisma.lineItem.create({
        data: { orderId: FIXTURE.orderId, productId: 99_999_999, quantity: 1, unitPrice: "1.00" },
      }),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.invalidParams).toEqual([{ name: "productId", reason: "does not exist" }]);
  });

  it("turns a nested connect to a missing row into UNPROCESSABLE", async () => {
    const error = await translated(() =>
      db.prisma.order.create({ data: { user: { connect: { username: "nobody" } } } }),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.invalidParams[0]?.name).toBe("user");
  });

  it("turns deleting a product that line items point to into CONFLICT", async () => {
    const error = await translated(() => db.prisma.product.delete({ where: { id: FIXTURE.productId } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("This product is still referred to by line items and cannot be removed.");
  });

  it("turns a missing row on update and delete into NOT_FOUND", async () => {
    for (const work of [
      () => db.prisma.product.update({ where: { id: 999_999_999 }, data: { name: "x" } }),
      () => db.prisma.product.delete({ where: { id: 999_999_999 } }),
      () => db.prisma.product.findUniqueOrThrow({ where: { id: 999_999_999 } }),
    ]) {
      const error = await translated(work);
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("No such product.");
    }
  });

  it("turns a value too long for its column into UNPROCESSABLE", async () => {
    const error = await translated(() =>
      db.prisma.user.update({
        where: { username: FIXTURE.username },
        data: { displayName: "x".repeat(300) },
      }),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.message).toBe("A value of this user is longer than 200 characters.");
  });

  it("turns the identifier guard into UNPROCESSABLE naming the identifier", async () => {
    const error = await translated(() =>
      db.prisma.user.update({ where: { username: FIXTURE.username }, data: { username: "jane" } }),
    );
    expect(error.code).toBe("UNPROCESSABLE");
    expect(error.invalidParams).toEqual([{ name: "username", reason: "cannot be changed" }]);
    const product = await translated(() =>
      db.prisma.product.update({ where: { id: FIXTURE.productId }, data: { id: 1 } }),
    );
    expect(product.invalidParams).toEqual([{ name: "id", reason: "cannot be changed" }]);
  });

  it("turns Prisma validation errors into BAD_USER_INPUT without quoting code", async () => {
    const error = await translated(() => db.prisma.user.create({ data: { username: "someone" } as never }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/^Argument `\w+` is missing\.$/);
  });

  it("uses the resource it is given for the wording", async () => {
    try {
      await db.prisma.lineItem.delete({ where: { id: 999_999_999 } });
    } catch (error) {
      expect((toApiError(error, { resource: { model: "LineItem" } }) as ApiError).message).toBe(
        "No such line item.",
      );
    }
    expect.assertions(1);
  });

  it("passes unknown errors and ApiErrors through unchanged", () => {
    const plain = new Error("boom");
    const api = new ApiError("FORBIDDEN", "no");
    expect(toApiError(plain)).toBe(plain);
    expect(toApiError(api)).toBe(api);
    expect(toApiError("text")).toBe("text");
  });
});
