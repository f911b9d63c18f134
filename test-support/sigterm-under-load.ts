/**
 * Starts an entry as a real child process, puts it under keep-alive load, sends SIGTERM and
 * records what every request saw, so a test can count that each request in flight at the
 * signal completed, that keep-alive clients stop being served, and how the process exited.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { Agent, request } from "node:http";

export interface Entry {
  /**
   * A shell command, run as npm runs a script (`sh -c`, with node_modules/.bin on the PATH) but
   * with `exec`, so the signal reaches the command itself rather than the shell.
   */
  readonly command: string;
  readonly cwd: string;
  readonly env: Record<string, string>;
  /** Where the entry prints the URL it serves; group 1 is its origin (`http://localhost:4000`). */
  readonly ready: RegExp;
}

export interface Outcome {
  /** Milliseconds from the signal; negative: before it. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly status?: number;
  readonly error?: string;
}

export interface LoadRun {
  readonly requests: readonly Outcome[];
  /** When the entry said it was draining (its first output line after the signal), from the signal. */
  readonly drainingAt: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly output: string;
}

interface Started {
  readonly child: ChildProcess;
  readonly origin: string;
  output(): string;
  /** When output last arrived (performance.now()). */
  lastOutputAt(): number;
}

async function started(entry: Entry): Promise<Started> {
  const bin = new URL("../node_modules/.bin", import.meta.url).pathname;
  const child = spawn("sh", ["-c", `exec ${entry.command}`], {
    cwd: entry.cwd,
    env: { ...process.env, ...entry.env, PATH: `${bin}:${process.env.PATH ?? ""}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let lastOutputAt = 0;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    lastOutputAt = performance.now();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  for (let waited = 0; waited < 180_000; waited += 100) {
    const origin = entry.ready.exec(output)?.[1];
    if (origin) return { child, origin, output: () => output, lastOutputAt: () => lastOutputAt };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`the entry did not start:\n${output}`);
}

function get(agent: Agent, url: URL): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { accept: "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/**
 * Runs `connections` keep-alive clients, each sending `path` again as soon as the last answer
 * arrived, for `warmupMs`; then sends SIGTERM and keeps them going until each has failed once
 * (the server is gone) or `afterMs` has passed, and waits for the process to exit.
 */
export async function sigtermUnderLoad(
  entry: Entry,
  options: { path: string; connections: number; warmupMs: number; afterMs: number },
): Promise<LoadRun> {
  const { child, origin, output, lastOutputAt } = await started(entry);
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.path, origin);
  const seen: { start: number; end: number; status?: number; error?: string }[] = [];
  let signalAt = Number.POSITIVE_INFINITY;
  const now = () => performance.now();
  const client = async () => {
    while (now() - signalAt < options.afterMs) {
      const start = now();
      try {
        const { status } = await get(agent, url);
        seen.push({ start, end: now(), status });
      } catch (error) {
        seen.push({ start, end: now(), error: (error as NodeJS.ErrnoException).code ?? String(error) });
        if (start > signalAt) return;
      }
    }
  };
  const clients = Array.from({ length: options.connections }, client);
  await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
  signalAt = now();
  const quietUntilSignal = output().length;
  let drainingAt = Number.NaN;
  const watch = setInterval(() => {
    if (Number.isNaN(drainingAt) && output().length > quietUntilSignal)
      drainingAt = lastOutputAt() - signalAt;
  }, 5);
  child.kill("SIGTERM");
  await Promise.all(clients);
  agent.destroy();
  const [exitCode, signal] = await exited;
  clearInterval(watch);
  const requests = seen.map(({ start, end, ...answer }) => ({
    startedAt: start - signalAt,
    endedAt: end - signalAt,
    ...answer,
  }));
  return { requests, drainingAt, exitCode, signal, output: output() };
}
