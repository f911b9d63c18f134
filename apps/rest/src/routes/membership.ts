import type { Request, Response } from "express";
import { assertMayWrite, credentialsOf } from "../http/authentication.ts";
import { sendEmpty } from "../http/send.ts";
import { addressVariables, execute } from "../operations/index.ts";
import type { OperationShape, RouteOf } from "../surface/index.ts";
import { ROUTE_TABLE } from "../surface/index.ts";
import type { RestContext } from "./context.ts";

type RelationItem = RouteOf<"relation-item">;

async function change(context: RestContext, res: Response, route: RelationItem, shape: OperationShape) {
  assertMayWrite(res, route.resource);
  const catalog = await context.catalog();
  const built = catalog.operation(shape);
  const variables = { ...addressVariables(route), targetId: route.targetId };
  await execute(context.executor, credentialsOf(res), built, variables, route.resource);
}

/**
 * `PUT /v1/categories/36/products/73924`: makes product 73924 a member; 204
 * whether or not it already was (idempotent, no representation to return).
 */
export async function addMember(context: RestContext, _req: Request, res: Response, route: RelationItem) {
  await change(context, res, route, ROUTE_TABLE["relation-item"].PUT.operation(route));
  sendEmpty(res, 204, { "Cache-Control": "no-store" });
}

/** `DELETE /v1/categories/36/products/73924`: 204 whether or not it was a member. */
export async function removeMember(context: RestContext, _req: Request, res: Response, route: RelationItem) {
  await change(context, res, route, ROUTE_TABLE["relation-item"].DELETE.operation(route));
  sendEmpty(res, 204, { "Cache-Control": "no-store" });
}
