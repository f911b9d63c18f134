import type { Request, Response } from "express";
import { sendRepresentation } from "../http/send.ts";
import { JSON_ONLY, negotiate } from "../representation/negotiate.ts";
import type { RestContext } from "./context.ts";

/** `GET /v1`: every root collection and every definition, so a client discovers the API from one URI. */
export async function getRoot(context: RestContext, req: Request, res: Response) {
  const offer = negotiate(req.get("accept"), JSON_ONLY);
  const { uris, registry } = context;
  const links = [
    { rel: "self", href: uris.root(), method: "GET" },
    { rel: "service-desc", href: uris.openapi(), method: "GET" },
  ];
  for (const resource of registry.rootResources) {
    links.push({ rel: "collection", href: uris.collection(resource), method: "GET" });
  }
  for (const resource of registry.resources) {
    links.push({ rel: "describedby", href: uris.definition(resource), method: "GET" });
  }
  const resources = registry.resources.map((resource) => ({
    name: resource.path,
    title: resource.model,
    description: resource.description ?? null,
    collection: resource.parent ? null : uris.collection(resource),
    definition: uris.definition(resource),
    nested_under: resource.parent ? resource.parent.resource.path : null,
  }));
  sendRepresentation(req, res, {
    contentType: offer.type,
    body: { resources, _links: links },
    links: [{ href: uris.openapi(), rel: "service-desc", type: "application/openapi+json" }],
  });
}
