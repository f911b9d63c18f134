import { mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "selfsigned";

/** A self-signed certificate for `localhost` and 127.0.0.1, written to files as TLS_* name them. */
export interface TestCertificate {
  /** `TLS_CERT_FILE` and `TLS_KEY_FILE` for an entry's environment. */
  readonly env: { readonly TLS_CERT_FILE: string; readonly TLS_KEY_FILE: string };
  /** The certificate, PEM: the only CA a client trusts to talk to the entry. */
  readonly ca: string;
}

/** Makes a fresh certificate (selfsigned: no openssl needed) in a temporary directory. */
export async function testCertificate(): Promise<TestCertificate> {
  const pems = await generate([{ name: "commonName", value: "localhost" }], {
    keySize: 2048,
    extensions: [
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), "tusk-tls-"));
  const env = { TLS_CERT_FILE: join(dir, "cert.pem"), TLS_KEY_FILE: join(dir, "key.pem") };
  writeFileSync(env.TLS_CERT_FILE, pems.cert);
  writeFileSync(env.TLS_KEY_FILE, pems.private);
  return { env, ca: pems.cert };
}

/** One HTTPS request that trusts only `ca`: status, headers and body. */
export function httpsRequest(
  url: string,
  ca: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? "GET", ca, headers: options.headers ?? {} },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}
