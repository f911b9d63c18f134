import type { InvalidParam } from "@tusk/errors";
import type { ValueCodec } from "@tusk/scalars";
import type { FilterOperator } from "../operations/index.ts";

const CALL = /^([A-Za-z]+)\((.*)\)$/s;

/**
 * Parses one filter value: `Widget` (equals), `gte(200)`, `in(1,2,3)`,
 * `not(gte(5))`. Which operators exist, and what values they take, comes from
 * the schema's operator input type for the field, so REST offers exactly what
 * GraphQL offers. A value shaped like `word(...)` is always read as an
 * operator; `equals(f(x))` filters on the literal text `f(x)`. Values are read by the field's
 * codec, the one GraphQL reads the same field with, and passed on in its canonical JSON form.
 */
export function parseFilterValue(
  param: string,
  raw: string,
  operators: ReadonlyMap<string, FilterOperator>,
  codec: ValueCodec,
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
    const inner = parseFilterValue(param, argument, operator.nested ?? new Map(), codec);
    return inner.ok ? { ok: true, filter: { [operator.name]: inner.filter } } : inner;
  }
  if (operator.shape === "list") {
    if (argument === "") return fail(`${operator.name}() needs at least one value`);
    const values: unknown[] = [];
    for (const item of argument.split(",")) {
      const read = codec.fromText(item);
      if (!read.ok) return fail(read.reason);
      values.push(codec.toJson(read.value));
    }
    return { ok: true, filter: { [operator.name]: values } };
  }
  const read = codec.fromText(argument);
  return read.ok ? { ok: true, filter: { [operator.name]: codec.toJson(read.value) } } : fail(read.reason);
}
