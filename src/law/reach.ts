/**
 * Reach: whether a state bound to fight can get its forces to the war — across a common land border
 * (with the theatre's holder, or with an enemy belligerent: a second front), through transit states
 * that each grant passage, by sea to the theatre's coast, or not at all — with the path and the
 * reason, naming who refuses. Borders are those of states (the World holds no territory-level
 * adjacency, and colonies and mandates make neighbours: Britain borders France in Africa), so a
 * state that borders the theatre's holder counts as bordering the theatre.
 */
import { conditionStatus, type ActContext } from './conditions.js';
import type { Reach } from './types.js';

/** Whether `grantor` lets `grantee` pass, and on what ground. */
export interface Passage {
  grants: boolean;
  why: string;
}

/**
 * Whether `grantor` lets `grantee`'s forces pass: by assumption, as a co-belligerent on the same side, by a
 * transit provision in force whose conditions are met, or by the scenario's transit policy; otherwise it
 * refuses, citing the policy where there is one. Pure.
 */
export function passage(ctx: ActContext, grantor: string, grantee: string, side: ReadonlySet<string>): Passage {
  if (ctx.transit.some((t) => t.grantor === grantor && t.grantee === grantee)) return { grants: true, why: `${grantor} grants passage (assumed)` };
  if (side.has(grantor)) return { grants: true, why: `${grantor} fights on the same side` };
  for (const entry of ctx.index.transitBy.get(grantor) ?? []) {
    if (entry.beneficiaries.has(grantee) && entry.conditions.every((c) => conditionStatus(ctx, c, grantee) === 'met')) {
      return { grants: true, why: `${grantor} grants passage under ${entry.treaty.id} (${entry.provision.id})` };
    }
  }
  const policy = ctx.index.policies.get(`${grantor}>${grantee}`);
  const note = policy?.note?.replace(/[.\s]+$/, '');
  if (policy?.stance === 'grants') return { grants: true, why: `${grantor} grants passage (policy${note ? `: ${note}` : ''})` };
  if (policy?.stance === 'refuses') return { grants: false, why: `${grantor} refuses passage to ${grantee}${note ? ` (${note})` : ''}` };
  return { grants: false, why: `${grantor} is not bound to let ${grantee} pass and is not assumed to` };
}

/** Least-refusal routes: per state, refusals and crossings of the best path found to it, and the state before it. */
interface Routes {
  dist: Map<string, [number, number]>;
  prev: Map<string, string>;
}

/**
 * Least-refusal routes over land from `from` toward the goals: per state, (refusals, hops) of the best path
 * ending there, counting the refusal of every state crossed but not of the ends. Goals end a route;
 * other enemy belligerents cannot be crossed. A Dijkstra over state indexes with one number per state
 * (refusals × 1024 + hops), scanning for the minimum: the graph has a few dozen states.
 */
function routes(ctx: ActContext, from: string, goals: readonly string[], cost: (s: string) => number, blocked: ReadonlySet<string>): Routes {
  const { stateIds, stateIndex, neighbours } = ctx.index;
  const n = stateIds.length;
  const key = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const isGoal = new Uint8Array(n);
  for (const g of goals) isGoal[stateIndex.get(g)!] = 1;
  const start = stateIndex.get(from)!;
  key[start] = 0;
  for (;;) {
    let best = -1;
    for (let i = 0; i < n; i++) if (!done[i] && key[i]! < Infinity && (best < 0 || key[i]! < key[best]!)) best = i;
    if (best < 0) break;
    done[best] = 1;
    if (isGoal[best] && best !== start) continue;
    for (const name of neighbours.get(stateIds[best]!) ?? []) {
      const j = stateIndex.get(name)!;
      if (done[j] || (!isGoal[j] && blocked.has(name))) continue;
      const k = key[best]! + (isGoal[j] ? 0 : cost(name) * 1024) + 1;
      if (k < key[j]!) {
        key[j] = k;
        prev[j] = best;
      }
    }
  }
  const dist = new Map<string, [number, number]>();
  const before = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    if (key[i] === Infinity) continue;
    dist.set(stateIds[i]!, [Math.floor(key[i]! / 1024), key[i]! % 1024]);
    if (prev[i]! >= 0) before.set(stateIds[i]!, stateIds[prev[i]!]!);
  }
  return { dist, prev: before };
}

function seaRoute(ctx: ActContext, fromSeas: readonly string[], toSeas: readonly string[]): string[] | undefined {
  const goal = new Set(toSeas);
  const prev = new Map<string, string | null>();
  const queue: string[] = [];
  for (const s of [...fromSeas].sort()) {
    prev.set(s, null);
    queue.push(s);
  }
  for (let i = 0; i < queue.length; i++) {
    const sea = queue[i]!;
    if (goal.has(sea)) {
      const path = [sea];
      for (let p = prev.get(sea); p; p = prev.get(p)) path.unshift(p);
      return path;
    }
    for (const next of ctx.index.seaLinks.get(sea) ?? []) {
      if (!prev.has(next)) {
        prev.set(next, sea);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/**
 * How `state` can reach the fighting, on the side of `side` (its co-belligerents, who let it pass) against
 * `enemies` (who cannot be crossed). Over land the goal is the theatre's holder or, as a second front, any
 * enemy belligerent (France helps Czechoslovakia by attacking Germany in the west); by sea only the
 * theatre's own coast counts (a landing elsewhere is not help where the war is). Pure.
 */
export function reachOf(ctx: ActContext, state: string, side: ReadonlySet<string>, enemies: ReadonlySet<string>): Reach {
  const to = ctx.destination;
  const { index } = ctx;
  const near = index.neighbours.get(state) ?? [];
  if (near.includes(to)) return { mode: 'border', via: [], to, reason: `${state} borders ${to}` };
  const front = near.find((s) => enemies.has(s));
  if (front !== undefined) return { mode: 'border', via: [], to, reason: `${state} borders the belligerent ${front}: a second front` };

  const passages = new Map<string, Passage>();
  const passageOf = (s: string) => {
    let p = passages.get(s);
    if (!p) passages.set(s, (p = passage(ctx, s, state, side)));
    return p;
  };
  const cost = (s: string) => (passageOf(s).grants ? 0 : 1);
  const goals = [to, ...[...enemies].filter((s) => s !== to).sort()];
  const there = routes(ctx, state, goals, cost, enemies);
  let bestGoal: string | undefined;
  for (const g of goals) {
    const d = there.dist.get(g);
    const b = bestGoal === undefined ? undefined : there.dist.get(bestGoal)!;
    if (d && (!b || d[0] < b[0] || (d[0] === b[0] && d[1] < b[1]))) bestGoal = g;
  }
  let land = `${state} has no land route to ${to}`;
  let refusedBy: string[] | undefined;
  if (bestGoal !== undefined) {
    const reached = there.dist.get(bestGoal)!;
    const via: string[] = [];
    for (let s = there.prev.get(bestGoal); s !== undefined && s !== state; s = there.prev.get(s)) via.unshift(s);
    const ending = bestGoal === to ? '' : ` to the belligerent ${bestGoal}: a second front`;
    if (reached[0] === 0) {
      return { mode: 'transit', via, to, reason: `through ${via.map((s) => passageOf(s).why).join('; ')}${ending}` };
    }
    // Every refusing state on some least-refusal route to some goal: the ones whose consent would open a way.
    const refusers = new Set<string>();
    // Optimal means fewest refusals, then fewest crossings: longer detours (through colonies that make
    // distant states neighbours) do not name their refusers.
    for (const g of goals) {
      const d = there.dist.get(g);
      if (!d || d[0] !== reached[0] || d[1] !== reached[1]) continue;
      const back = routes(ctx, g, [state], cost, enemies);
      for (const [s, [c, h]] of there.dist) {
        const b = back.dist.get(s);
        if (s === state || goals.includes(s) || !b || passageOf(s).grants) continue;
        if (c + b[0] - 1 === reached[0] && h + b[1] === reached[1]) refusers.add(s);
      }
    }
    refusedBy = [...refusers].sort();
    land = `over land ${refusedBy.map((s) => passageOf(s).why).join('; ')}`;
  }
  const fromSeas = index.states.get(state)?.seas ?? [];
  const toSeas = ctx.theatre !== undefined ? (index.territories.get(ctx.theatre)?.seas ?? []) : (index.states.get(to)?.seas ?? []);
  const seas = fromSeas.length && toSeas.length ? seaRoute(ctx, fromSeas, toSeas) : undefined;
  if (seas) return { mode: 'sea', via: [], to, seas, reason: `by sea (${seas.join(' → ')}); ${land}`, ...(refusedBy ? { refusedBy } : {}) };
  const where = ctx.theatre !== undefined ? `the theatre ${ctx.theatre}` : to;
  const coast = !fromSeas.length ? `${state} has no coast` : !toSeas.length ? `${where} has no coast` : `no sea route joins ${state}'s coasts to ${where}`;
  return { mode: 'none', via: [], to, reason: `${land}; ${coast}`, ...(refusedBy ? { refusedBy } : {}) };
}
