import { defineConfig } from "prisma/config";

// Used by Prisma's CLI (generate here; migrate deploy/status where Prisma's
// native engine is available). The apps connect through packages/db instead.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tusk" },
});
