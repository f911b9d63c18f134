import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListeningServer, listen } from "./listen.ts";

let server: ListeningServer;
beforeAll(async () => {
  server = await listen({ port: 0, host: "127.0.0.1" });
  server.handle((_req, res) => res.end("ok"));
});
afterAll(() => server.drain(1_000));

/** Sends raw bytes and reads the whole answer until the server closes the connection. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1", () => socket.end(bytes, "latin1"));
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("requests Node's HTTP parser refuses", () => {
  it.each([
    ["a request line that is not HTTP", "NOT HTTP AT ALL\r\n\r\n", 400],
    ["a raw non-ASCII byte in the request line", "GET /caf\xe9 HTTP/1.1\r\nHost: x\r\n\r\n", 400],
    ["a request line over the size limit", `GET /${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 414],
    ["headers over the size limit", `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(20_000)}\r\n\r\n`, 431],
  ])("%s is a short problem+json with status %i", async (_what, bytes, status) => {
    const answer = await raw(bytes);
    const [head = "", body = ""] = answer.split("\r\n\r\n");
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  });

  it("still serves well-formed requests", async () => {
    expect(await (await fetch(server.url)).text()).toBe("ok");
  });
});
