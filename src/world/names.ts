/**
 * States by what people call them: a COW id (`GMY`) or a name (`Germany`, `soviet union`),
 * case- and accent-insensitive, with a suggestion when the text is a near miss. One lookup for
 * the CLI and the HTTP API, so that both accept and refuse the same words. Pure.
 */
import { QueryError } from '../model/errors.js';

/** What the lookup needs of an actor: its id and its name. */
export interface Named {
  id: string;
  name: string;
}

/** Lower case, without accents, punctuation or repeated spaces: "Česko-Slovensko" → "cesko slovensko". Pure. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Edit distance counting an insertion, deletion, substitution or swap of neighbours as one (optimal string alignment), capped at `limit + 1`. Pure. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return Math.min(d[a.length]![b.length]!, limit + 1);
}

/** Candidates a near miss may have meant: ids and names within a small edit distance, closest first. Pure. */
export function nearMisses(actors: readonly Named[], text: string): Named[] {
  const folded = foldName(text);
  if (!folded) return [];
  // One edit per four letters, at least one: "Germny" → Germany, "CZX" → CZE, "Poalnd" → Poland.
  const limit = Math.max(1, Math.floor(folded.length / 4));
  return actors
    .map((a) => ({ a, d: Math.min(editDistance(folded, foldName(a.id), limit), editDistance(folded, foldName(a.name), limit)) }))
    .filter((x) => x.d <= limit)
    .sort((x, y) => x.d - y.d || x.a.id.localeCompare(y.a.id))
    .map((x) => x.a);
}

/**
 * The id of the state `text` names: an exact id or name (case- and accent-insensitive), or the
 * one name that starts with it ("Czecho" → CZE). Throws QueryError that names `where` and the
 * text, with the near misses as suggestions, or the candidates when a prefix is ambiguous.
 */
export function stateIdOf(actors: readonly Named[], text: string, where: string): string {
  const folded = foldName(text);
  const exact = actors.find((a) => a.id === text) ?? actors.find((a) => foldName(a.id) === folded || foldName(a.name) === folded);
  if (exact) return exact.id;
  const prefixed = folded.length >= 3 ? actors.filter((a) => foldName(a.name).startsWith(folded)) : [];
  if (prefixed.length === 1) return prefixed[0]!.id;
  const list = (xs: readonly Named[]) => xs.slice(0, 4).map((a) => `${a.name} (${a.id})`).join(', ');
  if (prefixed.length > 1) throw new QueryError(`${where}: "${text}" could mean ${list(prefixed)}; say which`);
  const near = nearMisses(actors, text);
  throw new QueryError(`${where}: no state is called "${text}"${near.length ? `; did you mean ${list(near)}?` : ''}`);
}

/** Each of `texts` as a state id (see stateIdOf). */
export function stateIdsOf(actors: readonly Named[], texts: readonly string[], where: string): string[] {
  return texts.map((t) => stateIdOf(actors, t, where));
}

/** An act's states as ids: attackers, target, abstainers and transit grants, each looked up by name. Pure; throws QueryError. */
export function actWithStateIds<T extends { attackers: string[]; target: string; abstain?: string[] | undefined; transit?: { grantor: string; grantee: string }[] | undefined }>(actors: readonly Named[], act: T): T {
  return {
    ...act,
    attackers: stateIdsOf(actors, act.attackers, 'attacker'),
    target: stateIdOf(actors, act.target, 'target'),
    ...(act.abstain ? { abstain: stateIdsOf(actors, act.abstain, 'abstain') } : {}),
    ...(act.transit ? { transit: act.transit.map((t) => ({ grantor: stateIdOf(actors, t.grantor, 'transit grantor'), grantee: stateIdOf(actors, t.grantee, 'transit grantee') })) } : {}),
  };
}
