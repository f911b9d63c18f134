import { ERROR_DESCRIPTION, ERROR_TITLE, HTTP_STATUS } from "@tusk/errors";
import type { Request, Response } from "express";
import { sendRepresentation } from "../http/send.ts";
import { JSON_ONLY, negotiate } from "../representation/negotiate.ts";
import type { RouteOf } from "../surface/index.ts";
import type { RestContext } from "./context.ts";

/**
 * `GET /v1/problems/{code}`: what a problem `type` URI names, so every problem's `type` can be
 * followed to the meaning of its code, the status it comes with and what to do about it.
 */
export async function getProblemType(
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<"problem">,
) {
  const offer = negotiate(req.get("accept"), JSON_ONLY);
  const { code } = route;
  const type = context.uris.problem(code);
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: {
      type,
      code,
      title: ERROR_TITLE[code],
      status: HTTP_STATUS[code],
      description: ERROR_DESCRIPTION[code],
      _links: [
        { rel: "self", href: type, method: "GET" },
        { rel: "service-desc", href: context.uris.openapi(), method: "GET" },
      ],
    },
  });
}
