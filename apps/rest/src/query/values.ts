import { identifierRules } from "@tusk/identifiers";
import { DecimalScalar } from "@tusk/schema";

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

const INT32 = 2 ** 31;

/** Identifier scalars (`ISBN`, `VIN`, `Username`) parse through their shared rule. */
const ruleByScalar = new Map(Object.values(identifierRules).map((rule) => [rule.graphqlScalar, rule]));

/**
 * Reads one query-string value as the GraphQL scalar the schema expects, so a
 * malformed value is refused here with a reason naming what was expected.
 */
export function coerceScalar(scalar: string, raw: string): Coerced {
  const rule = ruleByScalar.get(scalar);
  if (rule && scalar !== "Int") {
    const parsed = rule.parse(raw);
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.error.message };
  }
  switch (scalar) {
    case "Int": {
      if (!/^[+-]?\d+$/.test(raw)) return { ok: false, reason: `"${raw}" is not an integer` };
      const value = Number(raw);
      return Math.abs(value) < INT32 ? { ok: true, value } : { ok: false, reason: `${raw} is out of range` };
    }
    case "Float": {
      const value = Number(raw);
      return raw.trim() !== "" && Number.isFinite(value)
        ? { ok: true, value }
        : { ok: false, reason: `"${raw}" is not a number` };
    }
    case "Decimal":
      // The schema's own scalar decides, so REST refuses exactly what GraphQL refuses.
      try {
        return { ok: true, value: DecimalScalar.parseValue(raw) };
      } catch {
        return { ok: false, reason: `"${raw}" is not a decimal number` };
      }
    case "DateTime": {
      const time = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)
        ? Date.parse(raw)
        : Number.NaN;
      return Number.isNaN(time)
        ? { ok: false, reason: `"${raw}" is not an ISO 8601 date or date-time` }
        : { ok: true, value: new Date(time).toISOString() };
    }
    case "Boolean":
      return raw === "true" || raw === "false"
        ? { ok: true, value: raw === "true" }
        : { ok: false, reason: `"${raw}" is not true or false` };
    default:
      return { ok: true, value: raw };
  }
}
