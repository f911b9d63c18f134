import type { RouteKind } from "@tusk/uri";
import type { Request, Response } from "express";
import type { MethodsOf, RouteOf } from "../surface/index.ts";
import { deleteCollection, patchCollection } from "./bulk-write.ts";
import type { RestContext } from "./context.ts";
import { getDefinition } from "./definition.ts";
import { addMember, removeMember } from "./membership.ts";
import { getOpenApi } from "./openapi.ts";
import { getProblemType } from "./problem-type.ts";
import { getCollection, getItem, getRelation, getRelationItem } from "./read.ts";
import { getRoot } from "./root.ts";
import { getRelationView, getView } from "./views.ts";
import { createChild, createItem, deleteItem, patchItem } from "./write.ts";

/** Answers one method on one route of kind `K`. */
export type Handler<K extends RouteKind> = (
  context: RestContext,
  req: Request,
  res: Response,
  route: RouteOf<K>,
) => Promise<void>;

/**
 * One handler per route kind and method of the route table: a method the table has without a
 * handler here, or a handler for a method it does not have, does not compile.
 */
export type HandlerTable = { readonly [K in RouteKind]: { readonly [M in MethodsOf<K>]: Handler<K> } };

export const HANDLERS: HandlerTable = {
  root: { GET: getRoot },
  openapi: { GET: getOpenApi },
  problem: { GET: getProblemType },
  definition: { GET: getDefinition },
  view: { GET: getView },
  collection: { GET: getCollection, POST: createItem, PATCH: patchCollection, DELETE: deleteCollection },
  item: { GET: getItem, PATCH: patchItem, DELETE: deleteItem },
  relation: { GET: getRelation, POST: createChild },
  "relation-item": { GET: getRelationItem, PUT: addMember, DELETE: removeMember },
  "relation-view": { GET: getRelationView },
};
