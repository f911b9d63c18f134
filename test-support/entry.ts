import { spawn } from "node:child_process";
import { once } from "node:events";

/** An entry (`src/main.ts`) running in a process of its own. */
export interface RunningEntry {
  /** What `ready` matched in its standard output. */
  readonly ready: RegExpExecArray;
  /** Its standard output so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code once it has exited. */
  stop(): Promise<number | null>;
}

/**
 * Starts `node --import tsx <main>` with `env` over this process's environment, and resolves
 * once its standard output matches `ready` (60 s at most).
 */
export async function startEntry(
  main: string,
  env: Record<string, string>,
  ready: RegExp,
): Promise<RunningEntry> {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, "exit");
  const stop = async () => {
    child.kill("SIGTERM");
    const [code] = await exited;
    return code as number | null;
  };
  for (let i = 0; i < 600 && !ready.test(output); i++) await new Promise((r) => setTimeout(r, 100));
  const matched = ready.exec(output);
  if (!matched) {
    await stop();
    throw new Error(`The entry never printed ${ready}:\n${output}`);
  }
  return { ready: matched, output: () => output, stop };
}
