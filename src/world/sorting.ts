/** The world's lists are sorted, so that it never depends on the order a scenario wrote them in. */

/** Compares by id. Pure. */
export const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The distinct ids, sorted (a new array). Pure. */
export function sorted<T extends string>(ids: Iterable<T>): T[] {
  const out = Array.isArray(ids) ? (ids as T[]).slice() : [...ids];
  if (out.length < 2) return out;
  out.sort();
  // Sorted, equal ids are neighbours: keep the first of each run (cheaper than a Set for the world's short lists).
  let kept = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[kept - 1]) out[kept++] = out[i]!;
  out.length = kept;
  return out;
}
