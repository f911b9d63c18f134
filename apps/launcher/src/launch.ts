import { type Database, migrate, openDatabase } from "@tusk/db";
import { createGraphqlApp } from "@tusk/graphql";
import { registry as defaultRegistry, type Registry } from "@tusk/registry";
import { createInProcessExecutor, createRestApp } from "@tusk/rest";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import type { LauncherConfig } from "./config.ts";
import { seedIfEmpty } from "./demo-data.ts";
import { type ListeningServer, listen } from "./server.ts";

export interface LaunchOptions extends Partial<LauncherConfig> {
  readonly registry?: Registry;
  /** Called with every unexpected error before it is masked as a 500 (for logging). */
  readonly onUnexpectedError?: (error: unknown) => void;
}

/** Both APIs running in this process over one database. */
export interface Launched {
  /** Base URL of the REST API (links are built on it): `http://localhost:4000`. */
  readonly restUrl: string;
  /** The GraphQL endpoint: `http://localhost:4001/graphql`. */
  readonly graphqlUrl: string;
  readonly db: Database;
  /** True when this start seeded an empty database. */
  readonly seeded: boolean;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  close(): Promise<void>;
}

/** The path Apollo answers on inside the GraphQL app. */
const GRAPHQL_PATH = "/graphql";

/**
 * Opens the database (PGlite unless `databaseUrl` says otherwise), migrates it,
 * seeds demo data when it is empty, builds the schema once and serves the REST
 * API and the GraphQL API from this process. PGlite is one in-process database,
 * so both apps must share this one client.
 *
 * @example
 * const tusk = await launch({ restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory" });
 * await fetch(`${tusk.restUrl}/v1/products/73924`);
 * await tusk.close();
 */
export async function launch(options: LaunchOptions = {}): Promise<Launched> {
  const registry = options.registry ?? defaultRegistry;
  const db = await openDatabase({ url: options.databaseUrl });
  const servers: ListeningServer[] = [];
  let stopGraphql = async () => {};
  const close = async () => {
    await Promise.all(servers.map((server) => server.close()));
    await stopGraphql();
    await db.close();
  };
  try {
    await migrate(db);
    const seeded = await seedIfEmpty(db, registry);
    // Ports first: with port 0 the links need the port the system picked.
    const rest = await listen(options.restPort ?? 4000, options.host);
    servers.push(rest);
    const graphql = await listen(options.graphqlPort ?? 4001, options.host);
    servers.push(graphql);

    const baseUrl = options.publicBaseUrl ?? `http://localhost:${rest.port}`;
    const uris = createUriBuilder({ registry, baseUrl });
    const schema = createSchema({ registry });
    const executor = createInProcessExecutor({
      schema,
      createContext: () => createContext({ prisma: db.prisma, uris }),
    });
    const onUnexpectedError = options.onUnexpectedError;
    rest.handle(
      createRestApp({ registry, uris, executor, ...(onUnexpectedError ? { onUnexpectedError } : {}) }),
    );
    const graphqlApp = await createGraphqlApp({ db, baseUrl, schema });
    stopGraphql = graphqlApp.stop;
    graphql.handle(graphqlApp.app);

    return {
      restUrl: baseUrl,
      graphqlUrl: `http://localhost:${graphql.port}${GRAPHQL_PATH}`,
      db,
      seeded,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
