import { registry } from "@tusk/registry";
import { createInProcessExecutor, createRestApp } from "@tusk/rest";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import { openSubjectDatabase, type Subject, type SubjectOptions } from "./subject.ts";

/**
 * The REST app as the launcher and the standalone entry wire it: the shared
 * schema executed in-process by the REST app's own executor.
 *
 * @example
 * const rest = await restSubject({ databaseUrl, baseUrl: "http://127.0.0.1:4000" });
 * createServer(rest.listener).listen(4000);
 */
export async function restSubject(options: SubjectOptions): Promise<Subject> {
  const { db, queries } = await openSubjectDatabase(options);
  const uris = createUriBuilder({ registry, baseUrl: options.baseUrl });
  const executor = createInProcessExecutor({
    schema: createSchema({ registry }),
    createContext: () => createContext({ prisma: db.prisma, uris }),
  });
  return { listener: createRestApp({ registry, uris, executor }), queries, close: () => db.close() };
}
