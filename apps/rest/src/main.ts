/**
 * Standalone REST server. In-process by default (the shared schema over
 * `DATABASE_URL`, or the embedded PGlite database); with `GRAPHQL_URL` it
 * executes every operation against that GraphQL server instead.
 */
import { migrate, openDatabase } from "@tusk/db";
import { registry } from "@tusk/registry";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import { createRestApp } from "./app.ts";
import { readConfig } from "./config.ts";
import { createInProcessExecutor, createRemoteExecutor, type GraphqlExecutor } from "./executor/index.ts";

const config = readConfig();
const uris = createUriBuilder({ registry, baseUrl: config.publicBaseUrl });

let executor: GraphqlExecutor;
let close = async () => {};
if (config.graphqlUrl) {
  executor = createRemoteExecutor({ url: config.graphqlUrl });
} else {
  const db = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : {});
  await migrate(db);
  const schema = createSchema({ registry });
  executor = createInProcessExecutor({
    schema,
    createContext: () => createContext({ prisma: db.prisma, uris }),
  });
  close = () => db.close();
}

const app = createRestApp({
  registry,
  uris,
  executor,
  onUnexpectedError: (error, req) => console.error(`${req.method} ${req.originalUrl}`, error),
});
const server = app.listen(config.port, () => {
  console.log(
    `REST API at ${uris.root()} (${config.graphqlUrl ? `GraphQL at ${config.graphqlUrl}` : "in-process"})`,
  );
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => void close().then(() => process.exit(0)));
  });
}
