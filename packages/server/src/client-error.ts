import type { Socket } from "node:net";

/** What Node's HTTP parser reports about a request it could not read. */
interface ParserError extends Error {
  readonly code?: string;
  readonly rawPacket?: Buffer;
}

const REASON: Readonly<Record<400 | 408 | 414 | 431, string>> = {
  400: "Bad Request",
  408: "Request Timeout",
  414: "URI Too Long",
  431: "Request Header Fields Too Large",
};

const DETAIL: Readonly<Record<keyof typeof REASON, string>> = {
  400: "The request could not be parsed as HTTP/1.1.",
  408: "The request was not received in time.",
  414: "The request target is longer than this server accepts.",
  431: "The request headers are larger than this server accepts.",
};

/**
 * The status for a parser error. Node reports an over-long request line and
 * over-long headers alike (`HPE_HEADER_OVERFLOW`, one limit over both); a
 * first line that alone fills the limit is the URI's fault, so 414.
 */
export function clientErrorStatus(error: ParserError): keyof typeof REASON {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (error.code !== "HPE_HEADER_OVERFLOW") return 400;
  const packet = error.rawPacket?.toString("latin1") ?? "";
  const firstLineEnd = packet.indexOf("\r\n");
  return firstLineEnd === -1 || firstLineEnd > packet.length / 2 ? 414 : 431;
}

/**
 * Answers a request Node's HTTP parser refused (bad bytes in the request line,
 * URL or headers over the size limit, unknown methods) with a short
 * problem+json instead of Node's bare status line, then closes the connection:
 * after a parse error nothing else on it can be read.
 */
export function answerClientError(error: ParserError, socket: Socket): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = clientErrorStatus(error);
  const body = JSON.stringify({ type: "about:blank", title: REASON[status], status, detail: DETAIL[status] });
  socket.end(
    [
      `HTTP/1.1 ${status} ${REASON[status]}`,
      "Content-Type: application/problem+json",
      `Content-Length: ${Buffer.byteLength(body)}`,
      "Cache-Control: no-store",
      "Connection: close",
      "",
      body,
    ].join("\r\n"),
  );
}
