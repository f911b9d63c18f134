import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** An HTTP server that is already listening, with its actual port. */
export interface ListeningServer {
  readonly server: Server;
  readonly port: number;
  /** Starts answering requests with `handler` (requests are held until then). */
  handle(handler: RequestListener): void;
  /** Stops accepting connections, lets in-flight requests finish, then closes the rest. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Binds a port before the app exists: with port 0 the app's links need the
 * port the system picked, so the server listens first and the app is attached
 * after it is built.
 *
 * @example
 * const listening = await listen(0);
 * listening.handle(app);
 * await listening.close();
 */
export async function listen(port: number, host?: string): Promise<ListeningServer> {
  let handler: RequestListener | undefined;
  let closing = false;
  const waiting: Array<() => void> = [];
  const server = createServer((req, res) => {
    // A keep-alive connection that was busy when closing began would otherwise
    // stay open until its idle timeout once its response is sent.
    res.once("finish", () => {
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (handler) handler(req, res);
    else waiting.push(() => handler?.(req, res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    handle(next) {
      handler = next;
      for (const run of waiting.splice(0)) run();
    },
    close(graceMs = 5_000) {
      closing = true;
      return closeGracefully(server, graceMs);
    },
  };
}

/**
 * `server.close()` waits for in-flight requests but not for idle keep-alive
 * connections (closed at once) nor for stuck ones (closed after `graceMs`).
 */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
