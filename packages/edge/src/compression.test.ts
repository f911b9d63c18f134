import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPRESSION_THRESHOLD_BYTES, compressResponses, identityEtag } from "./compression.ts";

const LARGE = JSON.stringify({ items: Array.from({ length: 200 }, (_, id) => ({ id, name: `item ${id}` })) });
const SMALL = JSON.stringify({ id: 1 });
const TAG = '"abc"';

let server: Server;
let port: number;
beforeAll(async () => {
  const app = express();
  app.use(compressResponses());
  for (const [path, body] of [
    ["/large", LARGE],
    ["/small", SMALL],
  ] as const)
    app.get(path, (req, res) => {
      res.setHeader("ETag", TAG);
      if (req.get("if-none-match") === TAG) {
        res.status(304).end();
        return;
      }
      res.setHeader("Content-Type", "application/json");
      res.end(body);
    });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** The raw bytes and headers, undecoded (fetch would decode them). */
function get(path: string, acceptEncoding?: string, ifNoneMatch?: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; bytes: Buffer }>(
    (resolve, reject) => {
      const headers = {
        ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}),
        ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}),
      };
      httpRequest({ host: "127.0.0.1", port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("compressResponses", () => {
  it("gzip: the decoded body is the identity body, under a tag naming the coding", async () => {
    const { headers, bytes } = await get("/large", "gzip");
    expect(headers["content-encoding"]).toBe("gzip");
    expect(headers.etag).toBe('"abc-gzip"');
    expect(headers.vary).toContain("Accept-Encoding");
    expect(bytes.length).toBeLessThan(Buffer.byteLength(LARGE));
    expect(gunzipSync(bytes).toString()).toBe(LARGE);
  });

  it("br is preferred when the client accepts both", async () => {
    const { headers, bytes } = await get("/large", "gzip, br");
    expect(headers["content-encoding"]).toBe("br");
    expect(headers.etag).toBe('"abc-br"');
    expect(brotliDecompressSync(bytes).toString()).toBe(LARGE);
  });

  it("without Accept-Encoding the body and its tag are the identity ones", async () => {
    const { headers, bytes } = await get("/large");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers.etag).toBe(TAG);
    expect(bytes.toString()).toBe(LARGE);
  });

  it(`bodies under ${COMPRESSION_THRESHOLD_BYTES} bytes stay uncompressed`, async () => {
    expect(Buffer.byteLength(SMALL)).toBeLessThan(COMPRESSION_THRESHOLD_BYTES);
    const { headers, bytes } = await get("/small", "gzip, br");
    expect(headers["content-encoding"]).toBeUndefined();
    expect(headers.etag).toBe(TAG);
    expect(bytes.toString()).toBe(SMALL);
  });
});

it("a 304 varies by Accept-Encoding as the 200 does", async () => {
  const { headers } = await get("/large", "gzip", TAG);
  expect(headers.vary).toContain("Accept-Encoding");
  expect(headers.etag).toBe(TAG);
});

describe("identityEtag", () => {
  it.each([
    ['"abc-gzip"', '"abc"'],
    ['"abc-br"', '"abc"'],
    ['"abc-deflate"', '"abc"'],
    ['W/"abc-gzip"', 'W/"abc"'],
    ['"abc"', '"abc"'],
    ['"abc-zstd"', '"abc-zstd"'],
    ["*", "*"],
  ])("%s → %s", (tag, identity) => {
    expect(identityEtag(tag)).toBe(identity);
  });
});
