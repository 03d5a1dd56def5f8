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
import { rememberedReach } from './reach-memo.js';

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

/** Least-refusal routes: per state index, (refusals × 1024 + hops) of the best path to it (Infinity: none), and the state before it (-1). */
interface Routes {
  key: Float64Array;
  prev: Int32Array;
}

const HOP = 1024;
/** Heap entries pack (key, state index) in one number, so ties break by the lower index, as a linear scan would. */
const SLOT = 65536;

/**
 * Least-refusal routes over land from `from` toward the goals: per state, (refusals, hops) of the best path
 * ending there, counting the refusal of every state crossed but not of the ends. Goals end a route;
 * other enemy belligerents cannot be crossed. A Dijkstra with a binary heap over the day's land graph
 * (./world-index.ts keeps it as integer arrays); `refuses[i]` is 1 when state i refuses passage.
 */
function routes(ctx: ActContext, from: number, isGoal: Uint8Array, refuses: (i: number) => number, blocked: Uint8Array): Routes {
  const { adjacency } = ctx.index;
  const { start: first, to } = adjacency;
  const n = first.length - 1;
  const key = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap(n * 2);
  key[from] = 0;
  heap.push(from);
  while (heap.size) {
    const top = heap.pop();
    const best = top % SLOT;
    if (done[best] || (top - best) / SLOT !== key[best]) continue;
    done[best] = 1;
    if (isGoal[best] && best !== from) continue;
    for (let e = first[best]!, end = first[best + 1]!; e < end; e++) {
      const j = to[e]!;
      if (done[j] || (!isGoal[j] && blocked[j])) continue;
      const k = key[best]! + (isGoal[j] ? 0 : refuses(j) * HOP) + 1;
      if (k < key[j]!) {
        key[j] = k;
        prev[j] = best;
        heap.push(k * SLOT + j);
      }
    }
  }
  return { key, prev };
}

/** A binary min-heap of numbers, grown on demand. */
class MinHeap {
  private items: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]! <= x) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = x;
  }
  pop(): number {
    const a = this.items;
    const top = a[0]!;
    const last = a[--this.size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && a[child + 1]! < a[child]!) child++;
      if (a[child]! >= last) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
    return top;
  }
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
 * theatre's own coast counts (a landing elsewhere is not help where the war is). Pure: answers are
 * remembered per world (see `rememberedReach`), and a remembered answer is returned as a copy.
 */
export function reachOf(ctx: ActContext, state: string, side: ReadonlySet<string>, enemies: ReadonlySet<string>): Reach {
  return rememberedReach(ctx, state, side, enemies, computeReach);
}

function computeReach(ctx: ActContext, state: string, side: ReadonlySet<string>, enemies: ReadonlySet<string>): Reach {
  const to = ctx.destination;
  const { index } = ctx;
  const near = index.neighbours.get(state) ?? [];
  if (near.includes(to)) return { mode: 'border', via: [], to, reason: `${state} borders ${to}` };
  const front = near.find((s) => enemies.has(s));
  if (front !== undefined) return { mode: 'border', via: [], to, reason: `${state} borders the belligerent ${front}: a second front` };

  const { stateIds, stateIndex } = index;
  const n = stateIds.length;
  const passages = new Map<string, Passage>();
  const passageOf = (s: string) => {
    let p = passages.get(s);
    if (!p) passages.set(s, (p = passage(ctx, s, state, side)));
    return p;
  };
  // 0 grants, 1 refuses, 2 not yet asked: passage is asked only of states a route reaches.
  const refusal = new Uint8Array(n).fill(2);
  const refuses = (i: number) => {
    if (refusal[i] === 2) refusal[i] = passageOf(stateIds[i]!).grants ? 0 : 1;
    return refusal[i]!;
  };
  const goals = [to, ...[...enemies].filter((s) => s !== to).sort()];
  const goalIndexes = goals.map((g) => stateIndex.get(g)).filter((i): i is number => i !== undefined);
  const isGoal = new Uint8Array(n);
  for (const g of goalIndexes) isGoal[g] = 1;
  const blocked = new Uint8Array(n);
  for (const s of enemies) {
    const i = stateIndex.get(s);
    if (i !== undefined) blocked[i] = 1;
  }
  const self = stateIndex.get(state)!;
  const there = routes(ctx, self, isGoal, refuses, blocked);
  let bestGoal = -1;
  for (const g of goalIndexes) if (there.key[g]! < Infinity && (bestGoal < 0 || there.key[g]! < there.key[bestGoal]!)) bestGoal = g;
  let land = `${state} has no land route to ${to}`;
  let refusedBy: string[] | undefined;
  if (bestGoal >= 0) {
    const reached = there.key[bestGoal]!;
    const via: string[] = [];
    for (let s = there.prev[bestGoal]!; s >= 0 && s !== self; s = there.prev[s]!) via.unshift(stateIds[s]!);
    const ending = stateIds[bestGoal] === to ? '' : ` to the belligerent ${stateIds[bestGoal]}: a second front`;
    if (reached < HOP) {
      return { mode: 'transit', via, to, reason: `through ${via.map((s) => passageOf(s).why).join('; ')}${ending}` };
    }
    // Every refusing state on some least-refusal route to some goal: the ones whose consent would open a way.
    // Optimal means fewest refusals, then fewest crossings: longer detours (through colonies that make
    // distant states neighbours) do not name their refusers. A state s lies on such a route when the best
    // route to s and the best route back from the goal to s add up to the best (s's refusal counted twice).
    const refusers = new Set<string>();
    const home = new Uint8Array(n);
    home[self] = 1;
    for (const g of goalIndexes) {
      if (there.key[g] !== reached) continue;
      const back = routes(ctx, g, home, refuses, blocked);
      for (let s = 0; s < n; s++) {
        if (s === self || isGoal[s] || there.key[s] === Infinity || back.key[s] === Infinity || !refuses(s)) continue;
        if (there.key[s]! + back.key[s]! - HOP === reached) refusers.add(stateIds[s]!);
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
