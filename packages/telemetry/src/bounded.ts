/**
 * A label whose values come from clients (GraphQL operation names), kept to at most `max`
 * distinct values: names seen first keep their own label, later new ones share `other`, so
 * no client can grow the metrics without bound.
 *
 * @example
 * const operation = boundedLabel(2);
 * [operation("a"), operation("b"), operation("c"), operation("a")]; // ["a", "b", "other", "a"]
 */
export function boundedLabel(max: number, other = "other"): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    if (seen.has(value)) return value;
    if (seen.size >= max) return other;
    seen.add(value);
    return value;
  };
}
