import { type Readiness, readinessAnswer } from "@tusk/db";
import type { Express } from "express";

/**
 * The probes of the GraphQL app: `GET /healthz` is 200 while the process answers at all;
 * `GET /readyz` (and its older name `GET /health`) is 200 when the database answers and is
 * migrated, otherwise 503 naming why.
 *
 * @example
 * addProbes(app, readinessCheck(db));
 */
export function addProbes(app: Express, ready: () => Promise<Readiness>): void {
  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.status(200).json({ status: "ok" });
  });
  app.get(["/readyz", "/health"], async (_req, res) => {
    const { status, body } = readinessAnswer(await ready());
    res.setHeader("Cache-Control", "no-store");
    res.status(status).json(body);
  });
}
