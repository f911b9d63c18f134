/**
 * Prints a Prisma `Decimal` (or a number) for the `Decimal` scalar: with the column's scale
 * when known, so `12.5` in a `Decimal(12, 2)` column reads `"12.50"`.
 *
 * @example
 * formatDecimal(new Prisma.Decimal("12.5"), 2); // "12.50"
 */
export function formatDecimal(value: unknown, scale?: number): string | null {
  if (value === null || value === undefined) return null;
  const decimal = value as { toFixed?: (digits?: number) => string };
  if (typeof decimal.toFixed === "function")
    return scale === undefined ? String(value) : decimal.toFixed(scale);
  return String(value);
}
