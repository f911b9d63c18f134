/** Settings of the standalone REST server, read from the environment. */
export interface RestConfig {
  readonly port: number;
  /** The public base URL links are built on. */
  readonly publicBaseUrl: string;
  /** Remote mode: execute operations against this GraphQL endpoint. */
  readonly graphqlUrl: string | undefined;
  /** In-process mode: the database (unset = the embedded PGlite default). */
  readonly databaseUrl: string | undefined;
}

/**
 * Reads `PORT` (default 4000), `PUBLIC_BASE_URL` (default
 * `http://localhost:${PORT}`), `GRAPHQL_URL` and `DATABASE_URL`.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): RestConfig {
  const port = env.PORT ? Number(env.PORT) : 4000;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT "${env.PORT}" is not a port number`);
  return {
    port,
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    graphqlUrl: env.GRAPHQL_URL || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
