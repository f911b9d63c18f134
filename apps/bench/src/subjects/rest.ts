import { createInProcessRestApp } from "@tusk/rest";
import { benchAuthenticator } from "./auth.ts";
import {
  openSubjectDatabase,
  quietLogger,
  type Subject,
  type SubjectOptions,
  subjectCache,
} from "./subject.ts";

/**
 * The REST app as the launcher and the standalone entry build it: the shared
 * schema executed in-process by the REST app's own executor.
 *
 * @example
 * const rest = await restSubject({ databaseUrl, baseUrl: "http://127.0.0.1:4000" });
 * createServer(rest.listener).listen(4000);
 */
export async function restSubject(options: SubjectOptions): Promise<Subject> {
  const { db, queries } = await openSubjectDatabase(options);
  const { app } = createInProcessRestApp({
    db,
    baseUrl: options.baseUrl,
    logger: quietLogger(),
    authenticator: benchAuthenticator(),
    ...subjectCache(options),
    // The overload run measures the app with its production defaults for shedding.
    ...(options.loadShedding ? { edge: { loadShedding: options.loadShedding } } : {}),
  });
  return { listener: app, queries, close: () => db.close() };
}
