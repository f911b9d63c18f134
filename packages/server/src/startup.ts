import { type ListeningServer, type ListenOptions, listen } from "./listen.ts";

/**
 * A start that cannot succeed until an operator changes a setting: its message is one line
 * saying what went wrong and which setting to change, printed instead of a stack.
 *
 * @example
 * throw new StartupError("Port 4000 is already in use: set REST_PORT to a free port (0 picks one).");
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
  }
}

/** What a listen failure means for the operator, by the system's error code. */
const LISTEN_FAILURES: Record<string, (port: number, setting: string, host: string | undefined) => string> = {
  EADDRINUSE: (port, setting) =>
    `Port ${port} is already in use: set ${setting} to a free port (0 picks one).`,
  EACCES: (port, setting) => `Not allowed to listen on port ${port}: set ${setting} to a port above 1023.`,
  EADDRNOTAVAIL: (_port, _setting, host) =>
    `Cannot listen on ${host}: set HOST to an address of this machine.`,
};

/**
 * {@link listen}, where a port in use (or one the process may not bind, or a `HOST` this
 * machine does not have) is a {@link StartupError} naming the setting to change.
 *
 * @example
 * const rest = await listenFor("REST_PORT", { port: config.REST_PORT, host: config.HOST });
 */
export async function listenFor(setting: string, options: ListenOptions): Promise<ListeningServer> {
  try {
    return await listen(options);
  } catch (error) {
    const explain = LISTEN_FAILURES[(error as NodeJS.ErrnoException).code ?? ""];
    if (explain) throw new StartupError(explain(options.port, setting, options.host), { cause: error });
    throw error;
  }
}

/**
 * Ends a failed start: a {@link StartupError} is printed as its one line on standard error
 * and the process exits 1; anything else is thrown on (Node prints its stack and exits 1).
 *
 * @example
 * const tusk = await launch(options).catch(exitOnStartupError);
 */
export function exitOnStartupError(error: unknown, exit: (code: number) => never = process.exit): never {
  if (!(error instanceof StartupError)) throw error;
  process.stderr.write(`${error.message}\n`);
  return exit(1);
}
