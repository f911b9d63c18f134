import { execFile } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 keeps initdb, pg_ctl and postgres. */
const DEFAULT_BIN_DIR = "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL server of a test's own, for fault tests that stop, restart or
 * freeze the database: the shared test server must never suffer that.
 *
 * @example
 * const server = await startPostgresServer();
 * const db = await openDatabase({ url: server.url });
 * await server.restart(); // every connection is terminated (57P01)
 * await server.close();
 */
export interface PostgresServer {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server (fast shutdown: sessions are terminated). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  start(): Promise<void>;
  /** Fast shutdown, then start. */
  restart(): Promise<void>;
  /** SIGSTOP to the postmaster and every backend: connections stay open and nothing answers. */
  freeze(): Promise<void>;
  /** SIGCONT to the same processes. */
  thaw(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  close(): Promise<void>;
  /**
   * Starts a streaming replica of this server on another spare port (`pg_basebackup -R`: a hot
   * standby that follows the primary's WAL and answers reads only); close it before its primary.
   */
  replicate(): Promise<PostgresServer>;
}

/**
 * Why a server of a test's own cannot be started here, or undefined when it can.
 *
 * @example
 * postgresServerUnavailable(); // undefined, or "no PostgreSQL binaries in /usr/lib/postgresql/15/bin"
 */
export function postgresServerUnavailable(binDir = DEFAULT_BIN_DIR): string | undefined {
  return existsSync(join(binDir, "pg_ctl")) ? undefined : `no PostgreSQL binaries in ${binDir}`;
}

/**
 * Whether fault tests skip here: only when the PostgreSQL binaries are missing and
 * TUSK_REQUIRE_POSTGRES is not 1 (in CI a missing server is a failure, not a skip).
 *
 * @example
 * describe.skipIf(faultTestsSkipped())("a database restart", () => { ... });
 */
export function faultTestsSkipped(): boolean {
  return postgresServerUnavailable() !== undefined && process.env.TUSK_REQUIRE_POSTGRES !== "1";
}

/**
 * A loopback port nothing listens on now, for a server a test or script starts itself.
 *
 * @example
 * const port = await sparePort(); // 41873
 */
export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: run its tools as the `postgres` user then. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

async function tool(binDir: string, name: string, args: string[]): Promise<void> {
  const [command, argv] = asServerUser(join(binDir, name), args);
  await run(command, argv, { timeout: 60_000 });
}

/** The postmaster's pid and its children's (the backends and helper processes). */
async function serverPids(dataDir: string): Promise<number[]> {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const { stdout } = await run("pgrep", ["-P", String(postmaster)]).catch(() => ({ stdout: "" }));
  return [postmaster, ...stdout.split("\n").filter(Boolean).map(Number)];
}

/**
 * Creates a throwaway cluster in a temporary directory (initdb, trust
 * authentication) and starts it on a spare loopback port.
 *
 * @example
 * const server = await startPostgresServer();
 * await server.freeze();
 * await server.thaw();
 * await server.close();
 */
export async function startPostgresServer(binDir = DEFAULT_BIN_DIR): Promise<PostgresServer> {
  const unavailable = postgresServerUnavailable(binDir);
  if (unavailable) throw new Error(`Cannot start a PostgreSQL server: ${unavailable}.`);
  const { root, dataDir } = await serverDirectory();
  await tool(binDir, "initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  return runCluster(binDir, root, dataDir);
}

/** A temporary directory the server's user owns, and the data directory inside it. */
async function serverDirectory(): Promise<{ root: string; dataDir: string }> {
  const root = mkdtempSync(join(tmpdir(), "tusk-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    chownSync(root, Number(stdout.trim()), -1);
    chmodSync(root, 0o700);
  }
  return { root, dataDir: join(root, "data") };
}

/** Starts the cluster in `dataDir` on a spare loopback port, and how to control it. */
async function runCluster(binDir: string, root: string, dataDir: string): Promise<PostgresServer> {
  const port = await sparePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const log = join(root, "server.log");
  const start = () => tool(binDir, "pg_ctl", ["-D", dataDir, "-l", log, "-o", options, "-w", "start"]);
  const stop = () => tool(binDir, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  let frozen: number[] = [];
  const signal = (pids: number[], name: NodeJS.Signals) => {
    for (const pid of pids) {
      try {
        process.kill(pid, name);
      } catch {
        // A backend that exited meanwhile.
      }
    }
  };
  const thaw = async () => {
    signal(frozen, "SIGCONT");
    frozen = [];
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
    freeze: async () => {
      frozen = await serverPids(dataDir);
      signal(frozen, "SIGSTOP");
    },
    thaw,
    close: async () => {
      await thaw();
      await stop().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
    replicate: async () => {
      const standby = await serverDirectory();
      // initdb's trust rules already admit replication connections from 127.0.0.1.
      await tool(binDir, "pg_basebackup", [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "postgres",
        "-D",
        standby.dataDir,
        "-R",
        "-X",
        "stream",
      ]);
      return runCluster(binDir, standby.root, standby.dataDir);
    },
  };
}
