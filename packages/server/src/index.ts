/**
 * @tusk/server: the HTTP server runner every entry uses. It listens before the app exists,
 * answers requests Node's parser refuses with problem+json, and on SIGTERM/SIGINT drains:
 * stops accepting, closes idle keep-alive connections, finishes in-flight requests within a
 * grace period, then closes the database and exits.
 *
 * @example
 * import { drainOnSignals, listen } from "@tusk/server";
 * const server = await listen({ port: 4000 });
 * server.handle(app);
 * drainOnSignals({ servers: [server], graceMs: 10_000, close: () => db.close() });
 */
export { type Drained, type ListeningServer, type ListenOptions, listen } from "./listen.ts";
export { type DrainOnSignalsOptions, drainOnSignals } from "./signals.ts";
export { exitOnStartupError, listenFor, StartupError } from "./startup.ts";
export { readTlsFiles, type TlsFiles } from "./tls.ts";
