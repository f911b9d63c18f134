import { createGraphqlApp } from "@tusk/graphql";
import { benchAuthenticator } from "./auth.ts";
import {
  openSubjectDatabase,
  quietLogger,
  type Subject,
  type SubjectOptions,
  subjectCache,
} from "./subject.ts";

/**
 * The GraphQL app (Apollo Server on Express) over the same database.
 *
 * @example
 * const graphql = await graphqlSubject({ databaseUrl, baseUrl: "http://127.0.0.1:4000" });
 */
export async function graphqlSubject(options: SubjectOptions): Promise<Subject> {
  const { db, queries } = await openSubjectDatabase(options);
  const { app, stop } = await createGraphqlApp({
    db,
    baseUrl: options.baseUrl,
    logger: quietLogger(),
    authenticator: benchAuthenticator(),
    ...subjectCache(options),
  });
  return {
    listener: app,
    queries,
    close: async () => {
      await stop();
      await db.close();
    },
  };
}
