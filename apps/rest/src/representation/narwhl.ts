import { metaMember, type RestDocument, type RestItem } from "./model.ts";

/** NARWHL-JSON: members at the top level, `_links` as an array, `_embeds` only when zoomed. */
export function narwhlItem(item: RestItem): Record<string, unknown> {
  const body: Record<string, unknown> = { ...item.data, _links: item.links };
  if (item.embeds.length > 0) {
    body._embeds = item.embeds.map((embed) => ({ [embed.key]: embed.items.map(narwhlItem) }));
  }
  return body;
}

/** Item and list responses share one shape: the resource key holds an array (one item for an item). */
export function narwhlDocument(document: RestDocument): Record<string, unknown> {
  return { [document.key]: document.items.map(narwhlItem), _links: document.links, ...metaMember(document) };
}
