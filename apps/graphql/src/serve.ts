import type { RequestListener } from "node:http";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServeOptions {
  readonly app: RequestListener;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Runs after the last in-flight request has finished (stop Apollo, close the database). */
  readonly onClose?: () => Promise<void>;
}

export interface RunningServer {
  readonly server: Server;
  /** `http://host:port` actually bound. */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish, then runs `onClose`. */
  shutdown(): Promise<void>;
}

/**
 * Listens, and shuts down gracefully: `server.close()` refuses new connections and resolves
 * once in-flight requests have completed; idle keep-alive connections are closed at once so
 * they do not hold the process open.
 *
 * @example
 * const running = await serve({ app, port: 0 });
 * process.once("SIGTERM", () => void running.shutdown());
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const server = createServer(options.app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  // A wildcard address is not one a client can use: name the local host instead.
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${host}:${address.port}`,
    shutdown() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve, reject) =>
          server.close((error) => (error ? reject(error) : resolve())),
        );
        server.closeIdleConnections();
        await closed;
        await options.onClose?.();
      })();
      return closing;
    },
  };
}
