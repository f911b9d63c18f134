/**
 * @tusk/launcher: both APIs in one process over one database, for `npm start`.
 *
 * @example
 * import { launch } from "@tusk/launcher";
 * const tusk = await launch({ restPort: 0, graphqlPort: 0, databaseUrl: "pglite://memory" });
 * console.log(tusk.restUrl, tusk.graphqlUrl);
 * await tusk.close();
 */
export { banner } from "./banner.ts";
export { isEmpty, seedIfEmpty } from "./demo-data.ts";
export { type Launched, type LaunchOptions, launch } from "./launch.ts";
