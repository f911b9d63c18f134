import { ApiError } from "@tusk/errors";
import { type Resource, toSnakeCase } from "@tusk/registry";
import Negotiator from "negotiator";
import { halDocument } from "./hal.ts";
import type { RestDocument } from "./model.ts";
import { narwhlDocument } from "./narwhl.ts";

/** One representation a route can produce. */
export interface MediaOffer {
  /** The `Content-Type` sent, parameters included. */
  readonly type: string;
  readonly write: (document: RestDocument) => unknown;
}

/** The media type of a resource's profile (NARWHL level 2), versioned by a parameter. */
export function profileMediaType(resource: Resource): string {
  return `application/vnd.tusk.${toSnakeCase(resource.model)}+json; version=1`;
}

/**
 * What a resource's item and list responses offer: NARWHL-JSON as plain
 * `application/json` (the default) and as the resource's profile type, and HAL.
 */
export function resourceOffers(resource: Resource): MediaOffer[] {
  return [
    { type: "application/json", write: narwhlDocument },
    { type: profileMediaType(resource), write: narwhlDocument },
    { type: "application/hal+json", write: halDocument },
  ];
}

/** Plain JSON documents (root, definitions, views). */
export const JSON_ONLY: readonly MediaOffer[] = [{ type: "application/json", write: narwhlDocument }];

/**
 * Picks the offer the client prefers; no `Accept` (or `*` wildcards) gets the
 * first. Nothing acceptable is 406 listing what is available (RFC 9110 §15.5.7).
 */
export function negotiate<T extends { readonly type: string }>(
  accept: string | undefined,
  offers: readonly T[],
): T {
  const [preferred] = new Negotiator({ headers: { accept: accept ?? "*/*" } }).mediaTypes(
    offers.map((o) => o.type),
  );
  const offer = offers.find((candidate) => candidate.type === preferred);
  if (offer) return offer;
  const available = offers.map((candidate) => candidate.type);
  throw new ApiError("NOT_ACCEPTABLE", `This resource is available as ${available.join(", ")}.`, {
    extensions: { available },
  });
}
