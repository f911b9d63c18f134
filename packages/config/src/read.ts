import type { z } from "zod";
import type { Setting } from "./kinds.ts";
import { SET_TOGETHER, SETTINGS } from "./settings.ts";

/**
 * The values of a table of settings, by variable name.
 *
 * @example
 * const values: Values<typeof SETTINGS> = readSettings(SETTINGS, process.env);
 */
export type Values<T extends Record<string, Setting<unknown>>> = {
  readonly [K in keyof T]: z.output<T[K]["schema"]>;
};

/**
 * The configuration of every app: {@link SETTINGS} read from the environment.
 *
 * @example
 * const config: Config = readConfig();
 * config.REST_PORT; // 4000
 */
export type Config = Values<typeof SETTINGS>;

/**
 * One variable with a value its setting does not accept.
 *
 * @example
 * const wrong: WrongSetting = { name: "REST_PORT", value: "http", accepts: "an integer from 0 to 65535" };
 */
export interface WrongSetting {
  readonly name: string;
  readonly value: string;
  readonly accepts: string;
}

/**
 * Thrown when variables have values their settings do not accept; the message
 * names each variable, its value and the values accepted.
 *
 * @example
 * try { readConfig({ REST_PORT: "http" }); } catch (error) { (error as ConfigError).wrong[0]?.name; } // "REST_PORT"
 */
export class ConfigError extends Error {
  constructor(readonly wrong: readonly WrongSetting[]) {
    super(
      [
        "Invalid configuration (see docs/configuration.md):",
        ...wrong.map(({ name, value, accepts }) => `  ${name}=${JSON.stringify(value)}: expected ${accepts}`),
      ].join("\n"),
    );
    this.name = "ConfigError";
  }
}

/**
 * Reads every setting of `table` from `env`; an empty variable counts as unset.
 * All wrong values are reported together in one {@link ConfigError}.
 *
 * @example
 * readSettings({ BENCH_PORT: port(0, "Port.") }, { BENCH_PORT: "8080" }); // { BENCH_PORT: 8080 }
 */
export function readSettings<T extends Record<string, Setting<unknown>>>(
  table: T,
  env: Readonly<Record<string, string | undefined>>,
): Values<T> {
  const values: Record<string, unknown> = {};
  const wrong: WrongSetting[] = [];
  for (const [name, setting] of Object.entries(table)) {
    const raw = env[name];
    const parsed = setting.schema.safeParse(raw === "" ? undefined : raw);
    if (parsed.success) values[name] = parsed.data;
    else wrong.push({ name, value: raw ?? "", accepts: setting.accepts });
  }
  if (wrong.length > 0) throw new ConfigError(wrong);
  return values as Values<T>;
}

/**
 * Reads and checks every setting in {@link SETTINGS}; every entry calls this once at start.
 *
 * @example
 * const config = readConfig({ REST_PORT: "8080" });
 * config.REST_PORT; // 8080
 * config.GRAPHQL_PORT; // 4001
 */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const config = readSettings(SETTINGS, env);
  const wrong: WrongSetting[] = [];
  for (const group of SET_TOGETHER) {
    const set = group.filter((name) => config[name] !== undefined);
    if (set.length === 0 || set.length === group.length) continue;
    for (const name of group.filter((name) => !set.includes(name)))
      wrong.push({ name, value: "", accepts: SETTINGS[name].accepts });
  }
  if (wrong.length > 0) throw new ConfigError(wrong);
  return config;
}
