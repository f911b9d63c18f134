import { readFileSync } from "node:fs";
import { StartupError } from "./startup.ts";

/**
 * A certificate (chain) and its private key, PEM, as `https.createServer` takes them.
 *
 * @example
 * const tls: TlsFiles = { cert: readFileSync("cert.pem"), key: readFileSync("key.pem") };
 */
export interface TlsFiles {
  readonly cert: Buffer;
  readonly key: Buffer;
}

function readSetting(setting: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? "unreadable";
    throw new StartupError(`Cannot read ${setting}=${path} (${reason}): set it to a readable PEM file.`, {
      cause: error,
    });
  }
}

/**
 * The certificate and key `TLS_CERT_FILE` and `TLS_KEY_FILE` name (both or neither, as
 * @tusk/config checks), or `undefined` for plain HTTP. A file that cannot be read is a
 * {@link StartupError} naming its setting.
 *
 * @example
 * const tls = readTlsFiles(config);
 * const server = await listen({ port: config.REST_PORT, ...(tls ? { tls } : {}) });
 */
export function readTlsFiles(config: {
  readonly TLS_CERT_FILE?: string | undefined;
  readonly TLS_KEY_FILE?: string | undefined;
}): TlsFiles | undefined {
  if (config.TLS_CERT_FILE === undefined || config.TLS_KEY_FILE === undefined) return undefined;
  return {
    cert: readSetting("TLS_CERT_FILE", config.TLS_CERT_FILE),
    key: readSetting("TLS_KEY_FILE", config.TLS_KEY_FILE),
  };
}
