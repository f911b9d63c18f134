/**
 * The first import of every entry: starts tracing (when the `OTEL_*` variables ask for it)
 * before express, pg and graphql are loaded, so their instrumentations can wrap them.
 *
 * @example
 * import { tracing } from "@tusk/telemetry/tracing"; // first, before every other import
 * drainOnSignals({ servers, graceMs, close: async () => { await db.close(); await tracing?.shutdown(); } });
 */
import { startTracing, type Tracing } from "./tracing.ts";

/**
 * The running tracing of this process, or undefined when it is off.
 *
 * @example
 * await tracing?.shutdown();
 */
export const tracing: Tracing | undefined = startTracing();
