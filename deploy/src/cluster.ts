/**
 * The multi-instance deployment, started on this machine from Debian's packages: HAProxy in
 * front of two REST and two GraphQL instances (health-checked on `/readyz`), a PostgreSQL
 * primary with a streaming read replica, and Redis for the shared rate-limit budget. Every
 * part listens on a spare loopback port and stops with the cluster.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate, openDatabase, seed } from "@tusk/db";
import { type PostgresServer, sparePort, startPostgresServer } from "@tusk/db/testing";

const ROOT = new URL("../../", import.meta.url).pathname;
const HAPROXY_TEMPLATE = new URL("../haproxy.cfg", import.meta.url).pathname;

/** What the cluster's instances are configured with, beyond where things are. */
export interface ClusterOptions {
  /** Requests per window each client may make, counted across instances (`RATE_LIMIT`). */
  readonly rateLimit: number;
  /** The HS256 secret tokens are signed with (`AUTH_JWT_SECRET`). */
  readonly jwtSecret: string;
}

/** One running instance of an API. */
export interface Instance {
  /** `rest1`, `graphql2`: HAProxy's name for it, sent back in `X-Served-By`. */
  readonly name: string;
  readonly port: number;
  /** Stops it at once (SIGKILL): a crash, not a drain. */
  kill(): void;
}

/** The running deployment. */
export interface Cluster {
  /** The REST API through the load balancer: `http://127.0.0.1:<port>`. */
  readonly restUrl: string;
  /** The GraphQL endpoint through the load balancer. */
  readonly graphqlUrl: string;
  readonly primary: PostgresServer;
  readonly replica: PostgresServer;
  readonly instances: readonly Instance[];
  /** Stops everything it started, in reverse order. */
  stop(): Promise<void>;
}

/**
 * Why the deployment cannot start here (HAProxy or Redis missing), or undefined when it can.
 *
 * @example
 * deploymentUnavailable(); // "haproxy is not installed"
 */
export function deploymentUnavailable(): string | undefined {
  for (const command of ["haproxy", "redis-server"]) {
    try {
      execFileSync(command, ["-v"], { stdio: "ignore" });
    } catch {
      return `${command} is not installed`;
    }
  }
  return undefined;
}

/** Spawns a command and resolves once its output matches `ready` (60 s at most), or at once without one. */
async function startProcess(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  ready?: RegExp,
): Promise<ChildProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  if (!ready) return child;
  for (let i = 0; i < 600 && !ready.test(output) && child.exitCode === null; i++)
    await new Promise((r) => setTimeout(r, 100));
  if (!ready.test(output)) {
    child.kill("SIGKILL");
    throw new Error(`${command} ${args.join(" ")} did not start:\n${output}`);
  }
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The HAProxy configuration: the template with the ports filled in. */
function haproxyConfig(ports: Record<string, number>): string {
  return readFileSync(HAPROXY_TEMPLATE, "utf8").replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const port = ports[name];
    if (port === undefined) throw new Error(`haproxy.cfg names an unknown port ${name}`);
    return String(port);
  });
}

/**
 * Starts the deployment: the primary (migrated and seeded), its replica, Redis, four instances
 * and HAProxy once they are ready.
 *
 * @example
 * const cluster = await startCluster({ rateLimit: 1_000, jwtSecret: "…" });
 * await fetch(`${cluster.restUrl}/v1/products/73924`);
 * await cluster.stop();
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const started: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const undo of started.reverse()) await undo().catch(() => {});
  };
  try {
    const primary = await startPostgresServer();
    started.push(() => primary.close());
    const db = await openDatabase({ url: primary.url });
    await migrate(db);
    await seed(db);
    await db.close();
    const replica = await primary.replicate();
    started.push(() => replica.close());

    const redisPort = await sparePort();
    const redis = await startProcess(
      "redis-server",
      ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {},
      /Ready to accept connections/,
    );
    started.push(() => stopProcess(redis));

    const ports = {
      REST_PORT: await sparePort(),
      GRAPHQL_PORT: await sparePort(),
      REST1: await sparePort(),
      REST2: await sparePort(),
      GRAPHQL1: await sparePort(),
      GRAPHQL2: await sparePort(),
    };
    const restUrl = `http://127.0.0.1:${ports.REST_PORT}`;
    const shared = {
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: restUrl,
      DATABASE_URL: primary.url,
      DATABASE_READ_URLS: replica.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      RATE_LIMIT: String(options.rateLimit),
      // Requests reach the instances from HAProxy on loopback: the client is in X-Forwarded-For.
      TRUST_PROXY: "loopback",
      AUTH_JWT_SECRET: options.jwtSecret,
      LOG_LEVEL: "warn",
    };
    const entry = (api: "rest" | "graphql", n: 1 | 2, port: number) => ({
      name: `${api}${n}`,
      main: `apps/${api}/src/main.ts`,
      port,
      env: api === "rest" ? { REST_PORT: String(port) } : { GRAPHQL_PORT: String(port) },
      ready: api === "rest" ? /REST API at/ : /GraphQL API at/,
    });
    const entries = [
      entry("rest", 1, ports.REST1),
      entry("rest", 2, ports.REST2),
      entry("graphql", 1, ports.GRAPHQL1),
      entry("graphql", 2, ports.GRAPHQL2),
    ];
    const instances = await Promise.all(
      entries.map(async (entry) => {
        const child = await startProcess(
          process.execPath,
          ["--import", "tsx", join(ROOT, entry.main)],
          { ...shared, ...entry.env },
          entry.ready,
        );
        started.push(() => stopProcess(child));
        return {
          name: entry.name,
          port: entry.port,
          kill: () => child.kill("SIGKILL"),
        };
      }),
    );

    const dir = mkdtempSync(join(tmpdir(), "tusk-haproxy-"));
    started.push(async () => rmSync(dir, { recursive: true, force: true }));
    const config = join(dir, "haproxy.cfg");
    writeFileSync(config, haproxyConfig(ports));
    execFileSync("haproxy", ["-c", "-q", "-f", config]);
    const haproxy = await startProcess("haproxy", ["-db", "-f", config], {});
    started.push(() => stopProcess(haproxy));
    await waitUntilServing([restUrl, `http://127.0.0.1:${ports.GRAPHQL_PORT}`]);
    return {
      restUrl,
      graphqlUrl: `http://127.0.0.1:${ports.GRAPHQL_PORT}/graphql`,
      primary,
      replica,
      instances,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the balancer sends requests to both instances of each API (their health checks passed). */
async function waitUntilServing(origins: readonly string[]): Promise<void> {
  for (const origin of origins) {
    const seen = new Set<string>();
    for (let i = 0; i < 300 && seen.size < 2; i++) {
      const res = await fetch(`${origin}/healthz`).catch(() => undefined);
      const server = res?.headers.get("x-served-by");
      if (res?.ok && server) seen.add(server);
      else await new Promise((r) => setTimeout(r, 100));
    }
    if (seen.size < 2)
      throw new Error(`HAProxy at ${origin} serves from ${[...seen].join(", ") || "no instance"} only`);
  }
}
