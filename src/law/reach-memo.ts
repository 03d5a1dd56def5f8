/**
 * Reach answers remembered per world. Reach is pure in (world, state, sides, act, assumptions), and the
 * same questions come back again and again: an atlas, a server asked about Munich by many clients, a
 * what-if search. The key holds everything a reach depends on: the state, both sides, and the act's
 * parties, theatre and assumptions (transit conditions may name an adversary, a finding, a reading).
 * Readings consulted while computing are replayed into the caller's context on a hit, so that an answer's
 * `assumptions.readings` does not depend on what was asked before.
 */
import type { ActContext } from './conditions.js';
import type { Reach } from './types.js';
import type { LawIndex } from './world-index.js';

/** Most answers kept per world; beyond it the memo starts afresh (a bound on memory, not a tuning knob). */
export const REACH_MEMO_LIMIT = 20_000;

interface Remembered {
  reach: Reach;
  readings: readonly [string, boolean][];
}

const memos = new WeakMap<LawIndex, Map<string, Remembered>>();
const actKeys = new WeakMap<ActContext, string>();

function actKey(ctx: ActContext): string {
  let key = actKeys.get(ctx);
  if (key === undefined) {
    const transit = ctx.transit.map((t) => `${t.grantor}:${t.grantee}`).sort().join(',');
    const readings = Object.entries(ctx.readingOverrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(',');
    key = `${ctx.attackers.join(',')}>${ctx.target}@${ctx.theatre ?? ''}|${ctx.provoked}|${ctx.leagueFinding}|${transit}|${readings}`;
    actKeys.set(ctx, key);
  }
  return key;
}

const setKeys = new WeakMap<ReadonlySet<string>, string>();

/** A side as a key, remembered per set object: a settlement's sides are asked about once per state and never changed. */
function setKey(s: ReadonlySet<string>): string {
  if (s.size === 1) return s.values().next().value!;
  let key = setKeys.get(s);
  if (key === undefined) setKeys.set(s, (key = [...s].sort().join(',')));
  return key;
}

/** Frozen, so that answers share it and a caller cannot change what the memo returns next time. */
function frozen(r: Reach): Reach {
  Object.freeze(r.via);
  if (r.refusedBy) Object.freeze(r.refusedBy);
  if (r.seas) Object.freeze(r.seas);
  return Object.freeze(r);
}

/** `compute(ctx, state, side, enemies)`, remembered per world. Pure in effect. */
export function rememberedReach(
  ctx: ActContext,
  state: string,
  side: ReadonlySet<string>,
  enemies: ReadonlySet<string>,
  compute: (ctx: ActContext, state: string, side: ReadonlySet<string>, enemies: ReadonlySet<string>) => Reach,
): Reach {
  let memo = memos.get(ctx.index);
  if (!memo) memos.set(ctx.index, (memo = new Map()));
  const key = `${state}|${setKey(side)}|${setKey(enemies)}|${actKey(ctx)}`;
  let hit = memo.get(key);
  if (!hit) {
    const local: ActContext = { ...ctx, readingsUsed: new Map() };
    const reach = compute(local, state, side, enemies);
    hit = { reach: frozen(reach), readings: [...local.readingsUsed] };
    if (memo.size >= REACH_MEMO_LIMIT) memo.clear();
    memo.set(key, hit);
  }
  for (const [name, value] of hit.readings) ctx.readingsUsed.set(name, value);
  return hit.reach;
}
