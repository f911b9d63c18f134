import type { ListeningServer } from "./listen.ts";

/**
 * What to drain on a termination signal, and what to close after.
 *
 * @example
 * const options: DrainOnSignalsOptions = { servers: [rest], graceMs: 10_000, close: () => db.close() };
 */
export interface DrainOnSignalsOptions {
  readonly servers: readonly ListeningServer[];
  /** How long in-flight requests may take once the signal has arrived. */
  readonly graceMs: number;
  /** Runs after every server has drained: stop Apollo, close the database. */
  readonly close: () => Promise<void>;
  /** Where progress is written (default: standard error). */
  readonly log?: (line: string) => void;
  /** Ends the process (default `process.exit`); tests replace it. */
  readonly exit?: (code: number) => void;
}

const SIGNALS = ["SIGTERM", "SIGINT"] as const;

/**
 * Owns SIGTERM and SIGINT for an entry: the first drains every server (see
 * {@link ListeningServer.drain}), runs `close` and exits 0, or 1 when the grace
 * period ran out or closing failed; a second signal exits 1 at once (a second
 * Ctrl-C). Nothing else in the process may exit on these signals (Apollo's own
 * handler is turned off for this reason).
 *
 * @example
 * drainOnSignals({ servers: [rest, graphql], graceMs: config.SHUTDOWN_GRACE_MS, close: () => db.close() });
 */
export function drainOnSignals(options: DrainOnSignalsOptions): void {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting without waiting.`);
      exit(1);
      return;
    }
    stopping = true;
    log(
      `${signal}: finishing in-flight requests (at most ${options.graceMs} ms), then closing the database.`,
    );
    stop().then(exit, (error: unknown) => {
      log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      exit(1);
    });
  };
  const stop = async (): Promise<number> => {
    const drained = await Promise.all(options.servers.map((server) => server.drain(options.graceMs)));
    await options.close();
    const forced = drained.some((result) => result.forced);
    if (forced) log(`Requests still running after ${options.graceMs} ms were cut.`);
    return forced ? 1 : 0;
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
