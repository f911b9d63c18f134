import type { InvalidParam } from "@tusk/errors";
import type { FilterOperator } from "../operations/index.ts";
import { coerceScalar } from "./values.ts";

const CALL = /^([A-Za-z]+)\((.*)\)$/s;

/**
 * Parses one filter value: `Widget` (equals), `gte(200)`, `in(1,2,3)`,
 * `not(gte(5))`. Which operators exist, and what values they take, comes from
 * the schema's operator input type for the field, so REST offers exactly what
 * GraphQL offers. A value shaped like `word(...)` is always read as an
 * operator; `equals(f(x))` filters on the literal text `f(x)`.
 */
export function parseFilterValue(
  param: string,
  raw: string,
  operators: ReadonlyMap<string, FilterOperator>,
): { ok: true; filter: Record<string, unknown> } | { ok: false; error: InvalidParam } {
  const fail = (reason: string) => ({ ok: false as const, error: { name: param, reason } });
  const call = CALL.exec(raw);
  const name = call ? call[1] : "equals";
  const argument = call ? (call[2] ?? "") : raw;
  const operator = name === undefined ? undefined : operators.get(name);
  if (!operator) {
    const offered = [...operators.keys()].join(", ");
    return fail(`unknown operator "${name}"; this field offers ${offered}`);
  }
  if (operator.shape === "nested") {
    const inner = parseFilterValue(param, argument, operator.nested ?? new Map());
    return inner.ok ? { ok: true, filter: { [operator.name]: inner.filter } } : inner;
  }
  if (operator.shape === "list") {
    if (argument === "") return fail(`${operator.name}() needs at least one value`);
    const values: unknown[] = [];
    for (const item of argument.split(",")) {
      const coerced = coerceScalar(operator.scalar, item);
      if (!coerced.ok) return fail(coerced.reason);
      values.push(coerced.value);
    }
    return { ok: true, filter: { [operator.name]: values } };
  }
  const coerced = coerceScalar(operator.scalar, argument);
  return coerced.ok ? { ok: true, filter: { [operator.name]: coerced.value } } : fail(coerced.reason);
}
