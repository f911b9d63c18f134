/**
 * `npm start`: both APIs in one process over the embedded PGlite database
 * (or DATABASE_URL), with demo data. Each app keeps its own standalone entry
 * for production (apps/rest/src/main.ts, apps/graphql/src/main.ts).
 */
import { resolveDatabaseLocation } from "@tusk/db";
import { banner } from "./banner.ts";
import { readLauncherConfig } from "./config.ts";
import { launch } from "./launch.ts";

const config = readLauncherConfig();
const location = resolveDatabaseLocation(config.databaseUrl);
const database =
  location.kind === "postgres"
    ? "PostgreSQL"
    : location.dataDir === "memory"
      ? "PGlite in memory"
      : `PGlite in ${location.dataDir}`;

const tusk = await launch({
  ...config,
  onUnexpectedError: (error) => console.error(error),
});
console.log(banner(tusk, database));

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second Ctrl-C gives up waiting for in-flight requests.
    if (stopping) process.exit(1);
    stopping = true;
    console.log("\nStopping: finishing in-flight requests, then closing the database.");
    tusk.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
