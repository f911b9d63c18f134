import { registry } from "@tusk/registry";
import { createContext, createSchema } from "@tusk/schema";
import { createUriBuilder } from "@tusk/uri";
import express from "express";
import { benchAuthenticator } from "./auth.ts";
import { useSofa } from "./sofa-api.ts";
import { openSubjectDatabase, type Subject, type SubjectOptions } from "./subject.ts";

/**
 * SOFA (GraphQL to REST) on Express over Tusk's own GraphQL schema, built as the GraphQL app
 * builds it: one route per root field under `/api` (`GET /api/product/{id}`,
 * `GET /api/products?first=…`, `POST /api/create-category`, …).
 *
 * @example
 * const sofa = await sofaSubject({ databaseUrl, baseUrl: "http://127.0.0.1:4003" });
 */
export async function sofaSubject(options: SubjectOptions): Promise<Subject> {
  const { db, queries } = await openSubjectDatabase(options);
  const uris = createUriBuilder({ registry, baseUrl: options.baseUrl });
  const authenticator = benchAuthenticator();
  const app = express();
  app.disable("x-powered-by");
  app.use(
    "/api",
    useSofa({
      basePath: "/api",
      schema: createSchema({ registry }),
      context: async ({ request }) =>
        createContext({
          prisma: db.prisma,
          uris,
          caller: await authenticator.authenticate(request.headers.get("authorization") ?? undefined),
        }),
    }),
  );
  return { listener: app, queries, close: () => db.close() };
}
