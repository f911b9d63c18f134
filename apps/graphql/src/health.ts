import type { RequestHandler } from "express";

/**
 * `GET /health`: 200 `{ status: "ok" }` when the database answers a trivial query, otherwise
 * 503 `{ status: "unavailable" }`.
 *
 * @example
 * app.get("/health", healthCheck(prisma));
 */
export function healthCheck(prisma: { $queryRawUnsafe(sql: string): Promise<unknown> }): RequestHandler {
  return async (_req, res) => {
    try {
      await prisma.$queryRawUnsafe("SELECT 1");
      res.status(200).json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "unavailable" });
    }
  };
}
