export { FIXTURE } from "./fixtures.ts";
export type { SeedSizes } from "./generate.ts";
export { seedSizes } from "./generate.ts";
export type { SeedOptions, SeedProgress, SeedResult } from "./seed.ts";
export { seed } from "./seed.ts";
