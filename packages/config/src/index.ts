/**
 * @tusk/config: the settings of every app, one environment variable each, read and checked
 * in one place (zod). docs/configuration.md lists them.
 *
 * @example
 * import { readConfig } from "@tusk/config";
 * const { REST_PORT, DATABASE_URL } = readConfig();
 */
export { databaseTimeouts } from "./database-timeouts.ts";
export {
  count,
  flag,
  httpUrl,
  milliseconds,
  oneOf,
  origins,
  port,
  redisUrl,
  type Setting,
  text,
  timeLimit,
  trustProxy,
} from "./kinds.ts";
export {
  type Config,
  ConfigError,
  readConfig,
  readSettings,
  type Values,
  type WrongSetting,
} from "./read.ts";
export { SET_TOGETHER, SETTINGS, type SettingName } from "./settings.ts";
