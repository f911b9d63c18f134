import { isbn13CheckDigit, vinCheckDigit } from "@tusk/identifiers";
import { FIXTURE, FIXTURE_PRODUCT_PRICES } from "./fixtures.ts";
import { rowRandom } from "./random.ts";
import type { Row, TableName } from "./tables.ts";
import * as words from "./words.ts";

/**
 * How many rows of each kind are generated (line items follow from orders).
 *
 * @example
 * const sizes: SeedSizes = seedSizes(0);
 * // { categories: 20, products: 300, users: 60, orders: 300, books: 100, vehicles: 60 }
 */
export interface SeedSizes {
  readonly categories: number;
  readonly products: number;
  readonly users: number;
  readonly orders: number;
  readonly books: number;
  readonly vehicles: number;
}

const BASE: SeedSizes = { categories: 20, products: 300, users: 60, orders: 300, books: 100, vehicles: 60 };
/** Line items per generated order: 2 to 5, so 3.5 on average. */
const LINES_MIN = 2;
const LINES_MAX = 5;

/**
 * Row counts for a scale: scale 0 seeds in about a second, each step is ten times more.
 *
 * @example
 * seedSizes(3).orders; // 300000 (about 1,050,000 line items)
 */
export function seedSizes(scale: number): SeedSizes {
  const factor = 10 ** scale;
  const sizes = Object.entries(BASE).map(([key, value]) => [key, value * factor]);
  return Object.fromEntries(sizes) as unknown as SeedSizes;
}

/** Expected line items for these sizes (the exact count depends on the random draws). */
export function estimatedLineItems(sizes: SeedSizes): number {
  return Math.round((sizes.orders * (LINES_MIN + LINES_MAX)) / 2);
}

const EPOCH = Date.UTC(2026, 5, 1);
function pastDate(random: ReturnType<typeof rowRandom>, maxDays: number): string {
  return new Date(EPOCH - random.int(0, maxDays * 24 * 60) * 60_000).toISOString();
}

// Generated rows use ids 1..n, skipping the ids fixtures own.
function* ids(count: number, skip: readonly number[] = []): Generator<number> {
  for (let id = 1; id <= count; id++) if (!skip.includes(id)) yield id;
}

const FIXTURE_CATEGORY_IDS = [FIXTURE.categoryId, FIXTURE.emptyCategoryId];
const FIXTURE_PRODUCT_IDS = [...FIXTURE_PRODUCT_PRICES.keys()];

export function usernameOf(index: number): string {
  const random = rowRandom("user", index);
  const first = random.pick(words.FIRST_NAMES);
  const last = random.pick(words.LAST_NAMES);
  return `${first[0]}${last}${index + 1}`.toLowerCase().replace(/[^a-z0-9_-]/g, "");
}

export function productPrice(id: number): string {
  return FIXTURE_PRODUCT_PRICES.get(id) ?? rowRandom("product", id).price(2, 500);
}

function* users(sizes: SeedSizes): Generator<Row> {
  for (let index = 0; index < sizes.users; index++) {
    const random = rowRandom("user", index);
    const display = `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`;
    const username = usernameOf(index);
    const at = pastDate(random, 720);
    yield [username, display, `${username}@example.com`, at, at];
  }
}

function* categories(sizes: SeedSizes): Generator<Row> {
  const adjectives = words.CATEGORY_ADJECTIVES;
  const nouns = words.CATEGORY_NOUNS;
  for (const id of ids(sizes.categories, FIXTURE_CATEGORY_IDS)) {
    const n = id - 1;
    const round = Math.floor(n / (adjectives.length * nouns.length));
    // Names are unique (the column is): every adjective-noun pair, then the pairs again numbered.
    const name = `${adjectives[n % adjectives.length]} ${nouns[Math.floor(n / adjectives.length) % nouns.length]}${round ? ` ${round + 1}` : ""}`;
    const at = pastDate(rowRandom("category", id), 720);
    yield [id, name, `Everything ${name.toLowerCase()}.`, at, at];
  }
}

/** Categories products and books may be placed in: all but the fixture that stays empty. */
function categoryPool(sizes: SeedSizes): number[] {
  return [...ids(sizes.categories, FIXTURE_CATEGORY_IDS), FIXTURE.categoryId];
}

function* products(sizes: SeedSizes): Generator<Row> {
  for (const id of ids(sizes.products, FIXTURE_PRODUCT_IDS)) {
    const random = rowRandom("product", id);
    const price = random.price(2, 500); // first draw: productPrice() repeats it
    const adjective = random.pick(words.PRODUCT_ADJECTIVES);
    const noun = random.pick(words.PRODUCT_NOUNS);
    const at = pastDate(random, 720);
    yield [
      id,
      `${adjective} ${noun}`,
      `A ${adjective.toLowerCase()} ${noun.toLowerCase()}.`,
      price,
      random.int(0, 500),
      at,
      at,
    ];
  }
}

function* productCategories(sizes: SeedSizes): Generator<Row> {
  const pool = categoryPool(sizes);
  for (const id of ids(sizes.products, FIXTURE_PRODUCT_IDS)) {
    const random = rowRandom("product-categories", id);
    const picked = new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(pool)));
    for (const category of picked) yield [category, id];
  }
}

export function isbnOf(index: number): string {
  // 7919 is prime to 10^8, so this walks every 8-digit number once: unique, scattered ISBNs.
  const first12 = `9781${String((index * 7919 + 1234567) % 100_000_000).padStart(8, "0")}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
}

function* books(sizes: SeedSizes): Generator<Row> {
  for (let index = 0; index < sizes.books; index++) {
    const random = rowRandom("book", index);
    const title = `The ${random.pick(words.BOOK_WORDS)} of the ${random.pick(words.BOOK_WORDS)}`;
    const author = `${random.pick(words.FIRST_NAMES)} ${random.pick(words.LAST_NAMES)}`;
    const at = pastDate(random, 720);
    yield [isbnOf(index), title, author, random.int(1950, 2026), random.price(8, 90), at, at];
  }
}

function* bookCategories(sizes: SeedSizes): Generator<Row> {
  const pool = categoryPool(sizes);
  for (let index = 0; index < sizes.books; index++) {
    const random = rowRandom("book-categories", index);
    const picked = new Set(Array.from({ length: random.int(1, 2) }, () => random.pick(pool)));
    for (const category of picked) yield [isbnOf(index), category];
  }
}

const VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789"; // 2010 = A ... 2039 = 9 (30-year cycle)

function vehicleOf(index: number): { vin: string; make: string; model: string; year: number } {
  const random = rowRandom("vehicle", index);
  const [make, model, wmi] = random.pick(words.VEHICLE_MODELS);
  const year = random.int(2010, 2026);
  const vds = Array.from({ length: 5 }, () => random.pick([...VIN_CHARS])).join("");
  const plant = random.pick([...VIN_CHARS]);
  const draft = `${wmi}${vds}0${YEAR_CODES[year - 2010]}${plant}${String(index).padStart(6, "0")}`;
  return { vin: `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`, make, model, year };
}

export function vinOf(index: number): string {
  return vehicleOf(index).vin;
}

function* vehicles(sizes: SeedSizes): Generator<Row> {
  for (let index = 0; index < sizes.vehicles; index++) {
    const random = rowRandom("vehicle-owner", index);
    const { vin, make, model, year } = vehicleOf(index);
    const at = pastDate(random, 720);
    yield [vin, make, model, year, usernameOf(random.int(0, sizes.users - 1)), at, at];
  }
}

function orderOwner(sizes: SeedSizes, random: ReturnType<typeof rowRandom>): string {
  const index = random.int(0, sizes.users); // one slot more: jdoe places orders too
  return index === sizes.users ? FIXTURE.username : usernameOf(index);
}

function* orders(sizes: SeedSizes): Generator<Row> {
  for (const id of ids(sizes.orders, [FIXTURE.orderId])) {
    const random = rowRandom("order", id);
    const at = pastDate(random, 365);
    yield [id, orderOwner(sizes, random), random.pick(words.ORDER_STATUSES), at, at, at];
  }
}

function* lineItems(sizes: SeedSizes): Generator<Row> {
  const reserved = new Set<number>(FIXTURE.lineItemIds);
  let next = 1;
  for (const orderId of ids(sizes.orders, [FIXTURE.orderId])) {
    const random = rowRandom("order-lines", orderId);
    const at = pastDate(rowRandom("order", orderId), 365);
    const count = random.int(LINES_MIN, LINES_MAX);
    for (let line = 0; line < count; line++) {
      while (reserved.has(next)) next++;
      const productId = random.int(1, sizes.products);
      // The unit price is the product's price when the order was placed.
      yield [next++, orderId, productId, random.int(1, 5), productPrice(productId), at, at];
    }
  }
}

/** Every generated row, table by table in insertion order, lazily. */
export function generatedRows(sizes: SeedSizes): Record<TableName, Iterable<Row>> {
  return {
    users: users(sizes),
    categories: categories(sizes),
    products: products(sizes),
    productCategories: productCategories(sizes),
    books: books(sizes),
    bookCategories: bookCategories(sizes),
    vehicles: vehicles(sizes),
    orders: orders(sizes),
    lineItems: lineItems(sizes),
  };
}
