import type { PrismaClient } from "@tusk/db";
import { ApiError } from "@tusk/errors";
import { expect, it } from "vitest";
import { databaseKeyStore } from "./store.ts";

it("turns an unreachable database into SERVICE_UNAVAILABLE, not an unexpected error", async () => {
  const refused = () =>
    Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }));
  const prisma = { $queryRaw: refused, $executeRaw: refused } as unknown as PrismaClient;
  const claim = databaseKeyStore(prisma, { ttlMs: 1_000 }).claim(
    { caller: "jdoe", key: "k" },
    "f".repeat(64),
    1_000,
  );
  await expect(claim).rejects.toBeInstanceOf(ApiError);
  await expect(claim).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
});
