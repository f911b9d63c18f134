import { ApiError } from "@tusk/errors";
import type { Request, Response } from "express";
import { sendRepresentation } from "../http/send.ts";
import { negotiate } from "../representation/negotiate.ts";
import type { RestContext } from "./context.ts";

const OFFERS = [{ type: "application/json" }, { type: "application/openapi+json" }] as const;

/** `GET /v1/openapi.json`: the document src/openapi builds. */
export async function getOpenApi(context: RestContext, req: Request, res: Response) {
  const offer = negotiate(req.get("accept"), OFFERS);
  const document = await context.openapi();
  if (document === undefined) throw new ApiError("NOT_FOUND", "No OpenAPI document is available.");
  sendRepresentation(req, res, { contentType: offer.type, body: document });
}
