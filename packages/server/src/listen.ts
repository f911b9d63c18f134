import { createServer, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type AddressInfo, Server as NetServer } from "node:net";
import { answerClientError } from "./client-error.ts";
import type { TlsFiles } from "./tls.ts";

/**
 * How a drain ended.
 *
 * @example
 * const { forced } = await server.drain(10_000);
 */
export interface Drained {
  /** True when the grace period ran out and the connections still busy were cut. */
  readonly forced: boolean;
}

/**
 * An HTTP server that is already listening.
 *
 * @example
 * const server = await listen({ port: 0 });
 * server.handle(app);
 * await server.drain(10_000);
 */
export interface ListeningServer {
  readonly server: Server;
  /** The port actually bound (the system's pick when asked for 0). */
  readonly port: number;
  /** `http://host:port` (`https://` with TLS) a client on this machine can use. */
  readonly url: string;
  /** Starts answering requests with `listener`; requests that arrived before are held until then. */
  handle(listener: RequestListener): void;
  /**
   * Stops accepting connections, closes idle keep-alive connections, asks busy
   * ones to close after their response (`Connection: close`), and resolves when
   * the last in-flight request has finished, or after `graceMs` by cutting the
   * connections still open. Calling it again returns the same drain.
   */
  drain(graceMs: number): Promise<Drained>;
}

/**
 * Where to listen.
 *
 * @example
 * const options: ListenOptions = { port: 4000, host: "127.0.0.1" };
 */
export interface ListenOptions {
  /** 0 lets the system pick a free port. */
  readonly port: number;
  /** Unset listens on every interface, as Node does. */
  readonly host?: string | undefined;
  /** Serve HTTPS with this certificate and key (see `readTlsFiles`); unset serves plain HTTP. */
  readonly tls?: TlsFiles | undefined;
}

/** How long idle keep-alive connections stay open once a drain starts (see `listen`). */
const LINGER_MS = 500;

function clientUrl(address: AddressInfo, scheme: "http" | "https"): string {
  // A wildcard address is not one a client can use: name the local host instead.
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `${scheme}://${host}:${address.port}`;
}

/**
 * Binds a port before the app exists (with port 0 the app's links need the
 * port the system picked, so the app is attached after it is built), answers
 * requests Node's parser refuses with problem+json, and drains gracefully.
 *
 * @example
 * const server = await listen({ port: 0, host: "127.0.0.1" });
 * server.handle((req, res) => res.end("ok"));
 * await fetch(server.url);
 * await server.drain(5_000);
 */
export async function listen(options: ListenOptions): Promise<ListeningServer> {
  let listener: RequestListener | undefined;
  const held: Array<() => void> = [];
  const inFlight = new Set<ServerResponse>();
  let draining: Promise<Drained> | undefined;

  // A client may send on a keep-alive connection the moment the drain starts (on a busy machine
  // its bytes arrive late), and Node counts a connection whose request it has not read yet as
  // idle. So idle connections are kept for LINGER_MS: a request arriving meanwhile is answered,
  // with `Connection: close`; then whatever is still idle is closed. Two turns of the event loop
  // after a later response let Node read a request already in its socket.
  let lingered = false;
  const closeIdleSoon = () => setImmediate(() => setImmediate(() => server.closeIdleConnections()));

  const handler: RequestListener = (req, res) => {
    inFlight.add(res);
    res.once("close", () => {
      inFlight.delete(res);
      // Once its response is sent, a keep-alive connection would wait for its next request
      // (responses begun before the drain carry no `Connection: close`).
      if (lingered) closeIdleSoon();
    });
    if (draining) res.setHeader("Connection", "close");
    if (listener) listener(req, res);
    else held.push(() => listener?.(req, res));
  };
  // An https.Server is an http.Server underneath: the same requests, drain and parser errors.
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createServer(handler);
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;

  function drain(graceMs: number): Promise<Drained> {
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    setTimeout(() => {
      lingered = true;
      server.closeIdleConnections();
    }, LINGER_MS).unref();
    return new Promise((resolve, reject) => {
      let forced = false;
      const timer = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
      }, graceMs);
      // Stop listening now. `http.Server.close()` would also close every connection with no
      // request in progress at once; the linger above does that a little later. The callback runs
      // once the last connection has closed.
      NetServer.prototype.close.call(server, (error?: Error) => {
        clearTimeout(timer);
        if (error && (error as NodeJS.ErrnoException).code !== "ERR_SERVER_NOT_RUNNING") reject(error);
        else resolve({ forced });
      });
    });
  }

  return {
    server,
    port: address.port,
    url: clientUrl(address, options.tls ? "https" : "http"),
    handle(next) {
      listener = next;
      for (const run of held.splice(0)) run();
    },
    drain(graceMs) {
      draining ??= drain(graceMs);
      return draining;
    },
  };
}
