import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { listen } from "@tusk/server";
import { expect, it } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

/** Runs `npm start`'s entry with these settings until it exits. */
function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: { ...process.env, REST_PORT: "0", GRAPHQL_PORT: "0", DATABASE_URL: "pglite://memory", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    // A start that succeeded would run until stopped: it must not get that far.
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

it("a port in use stops the start with one line naming the setting, and exit code 1", async () => {
  const taken = await listen({ port: 0 });
  try {
    const run = await start({ GRAPHQL_PORT: String(taken.port) });
    expect(run).toEqual({
      code: 1,
      stdout: "",
      stderr: `Port ${taken.port} is already in use: set GRAPHQL_PORT to a free port (0 picks one).\n`,
    });
  } finally {
    await taken.drain(0);
  }
}, 90_000);

it("a database it cannot open stops the start with one line naming DATABASE_URL, and exit code 1", async () => {
  const run = await start({ DATABASE_URL: "postgresql://postgres:secret@127.0.0.1:1/tusk" });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(
    /^Cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/tusk\): .+\. Set DATABASE_URL to a database Tusk can reach \(see docs\/configuration\.md\)\.\n$/,
  );
  expect(run.stderr).not.toContain("secret");
}, 90_000);
