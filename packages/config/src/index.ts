/**
 * @tusk/config: the settings of every app, one environment variable each, read and checked
 * in one place (zod). docs/configuration.md lists them.
 *
 * @example
 * import { readConfig } from "@tusk/config";
 * const { REST_PORT, DATABASE_URL } = readConfig();
 */
export { flag, httpUrl, milliseconds, oneOf, port, type Setting, text } from "./kinds.ts";
export {
  type Config,
  ConfigError,
  readConfig,
  readSettings,
  type Values,
  type WrongSetting,
} from "./read.ts";
export { SETTINGS, type SettingName } from "./settings.ts";
