/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough for demo data, and small
 * enough that pulling in a library would cost more than it saves.
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(text: string): number {
  let h = 2166136261; // FNV-1a
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Random choices for one row. */
export interface RowRandom {
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** A price with cents between min and max, as a decimal string. */
  price(min: number, max: number): string;
}

/**
 * The random source of one row, derived from its kind and id only, so a row
 * is the same whatever else is generated around it (and whatever the batch size).
 *
 * @example
 * rowRandom("product", 42).int(1, 5); // the same number on every run
 */
export function rowRandom(kind: string, id: number | string): RowRandom {
  const next = mulberry32(hashString(`${kind}:${id}`));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    int,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T,
    price: (min, max) => (int(min * 100, max * 100) / 100).toFixed(2),
  };
}
