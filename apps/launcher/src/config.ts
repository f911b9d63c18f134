/** Settings of the one-command launcher, read from the environment. */
export interface LauncherConfig {
  /** Port of the REST API (`REST_PORT`, default 4000; 0 picks a free one). */
  readonly restPort: number;
  /** Port of the GraphQL API (`GRAPHQL_PORT`, default 4001; 0 picks a free one). */
  readonly graphqlPort: number;
  /** Interface to listen on (`HOST`); unset listens on every interface, as Node does. */
  readonly host: string | undefined;
  /** Public base URL of the REST API that links are built on (`PUBLIC_BASE_URL`). */
  readonly publicBaseUrl: string | undefined;
  /** The database (`DATABASE_URL`); unset is the embedded PGlite database in `.data/pglite`. */
  readonly databaseUrl: string | undefined;
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name}="${raw}" is not a port number`);
  return port;
}

/**
 * Reads `REST_PORT`, `GRAPHQL_PORT`, `HOST`, `PUBLIC_BASE_URL` and `DATABASE_URL`.
 *
 * @example
 * readLauncherConfig({ REST_PORT: "8080" }); // { restPort: 8080, graphqlPort: 4001, ... }
 */
export function readLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  return {
    restPort: readPort(env, "REST_PORT", 4000),
    graphqlPort: readPort(env, "GRAPHQL_PORT", 4001),
    host: env.HOST || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
