import { type HyperLink, metaMember, type RestDocument, type RestItem } from "./model.ts";

type HalLink = { href: string; name?: string };

/**
 * HAL keys links by rel; a rel with several links becomes an array. HAL has no
 * `method`, so only GET links are kept (the methods are in the definition).
 */
function halLinks(links: readonly HyperLink[]): Record<string, HalLink | HalLink[]> {
  const grouped: Record<string, HalLink[]> = {};
  for (const link of links) {
    if (link.method !== "GET") continue;
    const entry: HalLink =
      link.name === undefined ? { href: link.href } : { href: link.href, name: link.name };
    const group = grouped[link.rel] ?? [];
    group.push(entry);
    grouped[link.rel] = group;
  }
  return Object.fromEntries(
    Object.entries(grouped).map(([rel, entries]) => [
      rel,
      entries.length === 1 ? (entries[0] as HalLink) : entries,
    ]),
  );
}

function halItem(item: RestItem): Record<string, unknown> {
  const body: Record<string, unknown> = { _links: halLinks(item.links), ...item.data };
  if (item.embeds.length > 0) {
    body._embedded = Object.fromEntries(
      item.embeds.map((embed) => {
        const items = embed.items.map(halItem);
        return [embed.rel, embed.toOne ? (items[0] ?? null) : items];
      }),
    );
  }
  return body;
}

/** An item is a HAL resource object; a list has its items under `_embedded[{resources}]`. */
export function halDocument(document: RestDocument): Record<string, unknown> {
  const [first] = document.items;
  if (document.single && first) {
    const item = halItem(first);
    const extra = halLinks(document.links.filter((link) => link.rel !== "self"));
    return { ...item, _links: { ...extra, ...(item._links as object) } };
  }
  return {
    _links: halLinks(document.links),
    ...metaMember(document),
    _embedded: { [document.key]: document.items.map(halItem) },
  };
}
