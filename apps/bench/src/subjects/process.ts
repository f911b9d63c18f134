import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

import type { SubjectKind } from "./load-subject.ts";

export type { SubjectKind };

/** A subject server running in its own process. */
export interface SubjectProcess {
  readonly kind: SubjectKind;
  readonly origin: string;
  /** Resident set size and JavaScript heap in use now (bytes), CPU time used so far (microseconds, user + system). */
  usage(): Promise<{ rss: number; heap: number; cpu: number }>;
  stop(): Promise<void>;
}

const ENTRY = fileURLToPath(new URL("./serve.ts", import.meta.url));

function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`the subject process exited (${code}) before answering`));
    child.once("exit", onExit);
    child.once("message", (message) => {
      child.off("exit", onExit);
      resolve(message as T);
    });
  });
}

/**
 * Starts a subject server in a child process (TypeScript through tsx) and
 * waits until it listens.
 *
 * @example
 * const rest = await startSubject("rest", "postgresql://postgres@127.0.0.1:5432/tusk_bench");
 * await fetch(`${rest.origin}/v1`);
 * await rest.stop();
 */
export async function startSubject(kind: SubjectKind, databaseUrl: string): Promise<SubjectProcess> {
  const child = fork(ENTRY, [kind, databaseUrl], {
    // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server process there when it stops.
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const { port } = await nextMessage<{ port: number }>(child);
  return {
    kind,
    origin: `http://127.0.0.1:${port}`,
    async usage() {
      const answer = nextMessage<{ rss: number; heap: number; cpu: number }>(child);
      child.send("usage");
      return answer;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send("stop");
      await exited;
    },
  };
}
