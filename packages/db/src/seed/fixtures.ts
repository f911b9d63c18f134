import type { Row } from "./tables.ts";

// The rows docs and tests rely on. Their ids are fixed; generated rows skip them.
const AT = "2026-01-15T09:30:00.000Z";

/**
 * Ids of the fixture rows every seeded database contains.
 *
 * @example
 * await db.prisma.product.findUnique({ where: { id: FIXTURE.productId } }); // "The Amazing Widget"
 */
export const FIXTURE = {
  username: "jdoe",
  categoryId: 36,
  emptyCategoryId: 37,
  productId: 73924,
  orderId: 9,
  lineItemIds: [12345, 12346],
  isbn: "9780306406157",
  vin: "1M8GDM9AXKP042788",
} as const;

/** Products the fixture order points to, with the prices line items copy. */
export const FIXTURE_PRODUCT_PRICES: ReadonlyMap<number, string> = new Map([
  [73924, "219.99"],
  [73925, "34.50"],
]);

export const FIXTURE_ROWS = {
  users: [["jdoe", "Jane Doe", "jdoe@example.com", AT, AT]],
  categories: [
    [36, "Widgets", "Small devices of uncertain purpose and certain charm.", AT, AT],
    [37, "Gift Cards", "Nothing here yet.", AT, AT],
  ],
  products: [
    [73924, "The Amazing Widget", "The widget everyone talks about.", "219.99", 42, AT, AT],
    [73925, "Widget Polish", "Keeps an amazing widget amazing.", "34.50", 300, AT, AT],
  ],
  productCategories: [
    [36, 73924],
    [36, 73925],
  ],
  books: [["9780306406157", "Widgets in Theory and Practice", "Jane Doe", 2019, "45.00", AT, AT]],
  bookCategories: [["9780306406157", 36]],
  vehicles: [["1M8GDM9AXKP042788", "Motor Coach Industries", "D4500", 2019, "jdoe", AT, AT]],
  orders: [[9, "jdoe", "shipped", AT, AT, AT]],
  lineItems: [
    [12345, 9, 73924, 2, "219.99", AT, AT],
    [12346, 9, 73925, 1, "34.50", AT, AT],
  ],
} satisfies Record<string, Row[]>;
