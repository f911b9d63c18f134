import type { Route } from "@tusk/uri";
import type { Request, Response } from "express";
import { sendEmpty } from "../http/send.ts";
import { addressVariables } from "./address.ts";
import type { RestContext } from "./context.ts";
import { execute } from "./execute.ts";

type RelationItem = Extract<Route, { kind: "relation-item" }>;

async function change(context: RestContext, route: RelationItem, kind: "add" | "remove") {
  const catalog = await context.catalog();
  const built = catalog.operation({ kind, resource: route.resource, relation: route.relation });
  await execute(context, built, { ...addressVariables(route), targetId: route.targetId }, route.resource);
}

/**
 * `PUT /v1/categories/36/products/73924`: makes product 73924 a member; 204
 * whether or not it already was (idempotent, no representation to return).
 */
export async function addMember(context: RestContext, _req: Request, res: Response, route: RelationItem) {
  await change(context, route, "add");
  sendEmpty(res, 204, { "Cache-Control": "no-store" });
}

/** `DELETE /v1/categories/36/products/73924`: 204 whether or not it was a member. */
export async function removeMember(context: RestContext, _req: Request, res: Response, route: RelationItem) {
  await change(context, route, "remove");
  sendEmpty(res, 204, { "Cache-Control": "no-store" });
}
