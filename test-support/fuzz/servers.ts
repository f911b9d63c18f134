/**
 * Both APIs over one test database, each behind the server runner every entry uses (so requests
 * Node's parser refuses are answered as in production), for the fuzz suites.
 */
import { ANONYMOUS } from "@tusk/auth";
import { createTestDatabase } from "@tusk/db/testing";
import { createGraphqlApp } from "@tusk/graphql";
import { registry } from "@tusk/registry";
import { createInProcessRestApp } from "@tusk/rest";
import { listen } from "@tusk/server";
import { ADMIN, bearer, customer, testAuthenticator } from "../callers.ts";
import type { FuzzTarget } from "./campaign.ts";

/**
 * Serves REST and GraphQL on free local ports over a fresh seeded database; requests without a
 * token act anonymously, as in production. `unexpected` collects errors the apps masked as 500.
 */
export async function serveFuzzTarget(): Promise<
  FuzzTarget & { unexpected: unknown[]; close(): Promise<void> }
> {
  const db = await createTestDatabase({ seed: true });
  const unexpected: unknown[] = [];
  const authenticator = testAuthenticator(ANONYMOUS);
  const restServer = await listen({ port: 0, host: "127.0.0.1" });
  const rest = createInProcessRestApp({
    db,
    baseUrl: restServer.url,
    authenticator,
    onUnexpectedError: (error) => unexpected.push(error),
  });
  restServer.handle(rest.app);
  const graphqlServer = await listen({ port: 0, host: "127.0.0.1" });
  const graphql = await createGraphqlApp({ db, baseUrl: restServer.url, schema: rest.schema, authenticator });
  graphqlServer.handle(graphql.app);
  const tokens = [await bearer(ADMIN), await bearer(customer())];
  return {
    restOrigin: restServer.url,
    graphqlOrigin: graphqlServer.url,
    registry,
    schema: rest.schema,
    tokens,
    unexpected,
    close: async () => {
      await Promise.all([restServer.drain(1_000), graphqlServer.drain(1_000)]);
      await graphql.stop();
      await db.close();
    },
  };
}
