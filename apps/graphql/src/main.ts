import { migrate, openDatabase } from "@tusk/db";
import { createGraphqlApp } from "./app.ts";
import { serve } from "./serve.ts";

// Standalone entry: PORT (default 4001), DATABASE_URL (default: PGlite in .data/pglite),
// PUBLIC_REST_URL (default http://localhost:4000) for the `uri` fields.
const port = Number(process.env.PORT ?? 4001);
const db = await openDatabase();
await migrate(db);
const { app, stop } = await createGraphqlApp({
  db,
  baseUrl: process.env.PUBLIC_REST_URL ?? "http://localhost:4000",
});
const running = await serve({
  app,
  port,
  onClose: async () => {
    await stop();
    await db.close();
  },
});
process.stdout.write(`GraphQL API at ${running.url}/graphql\n`);

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    running.shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
