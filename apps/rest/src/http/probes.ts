import { type Readiness, readinessAnswer } from "@tusk/db";
import type { RequestHandler } from "express";

/** `GET /healthz`: the process is up and answering; never looks at the database. */
export const healthz: RequestHandler = (_req, res) => {
  res.setHeader("Cache-Control", "no-store");
  res.status(200).json({ status: "ok" });
};

/** `GET /readyz`: 200 when `ready` says the database answers and is migrated, 503 naming why not. */
export function readyz(ready: () => Promise<Readiness> = async () => ({ ready: true })): RequestHandler {
  return async (_req, res) => {
    const { status, body } = readinessAnswer(await ready());
    res.setHeader("Cache-Control", "no-store");
    res.status(status).json(body);
  };
}
