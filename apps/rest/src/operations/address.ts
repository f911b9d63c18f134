import { toWords } from "@tusk/registry";
import type { ItemAddress } from "@tusk/uri";

/** The `$id` / `$parentId` variables locating an item. */
export function addressVariables(address: ItemAddress): Record<string, unknown> {
  return address.parent ? { id: address.id, parentId: address.parent.id } : { id: address.id };
}

/** "product 73924", "line item 12345 in order 9": for 404 details. */
export function describeAddress(address: ItemAddress): string {
  const own = `${toWords(address.resource.model)} ${address.id}`;
  return address.parent ? `${own} in ${toWords(address.parent.resource.model)} ${address.parent.id}` : own;
}
