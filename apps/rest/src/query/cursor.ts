/**
 * REST cursors wrap the GraphQL connection cursor with its direction, so one
 * `?cursor=` parameter can serve both `next` (first/after) and `prev`
 * (last/before) links. They are opaque to clients.
 */
export type PageDirection = "after" | "before";

export function encodeCursor(direction: PageDirection, cursor: string): string {
  return Buffer.from(JSON.stringify([direction === "after" ? "a" : "b", cursor])).toString("base64url");
}

export function decodeCursor(raw: string): { direction: PageDirection; cursor: string } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [direction, cursor] = value as unknown[];
    if ((direction !== "a" && direction !== "b") || typeof cursor !== "string") return undefined;
    return { direction: direction === "a" ? "after" : "before", cursor };
  } catch {
    return undefined;
  }
}
