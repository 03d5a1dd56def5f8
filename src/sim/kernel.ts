/**
 * The compiled act: everything a sample needs, in typed arrays. The resolver runs once per run;
 * a sample then draws one number per deciding state, settles the conditional chains on bitmasks
 * (the resolver's least fixpoint, mirrored) and weighs the two sides: a few dozen integer and
 * float operations, no allocation beyond the random stream, no Math.exp/log/pow.
 */
import { QueryError } from '../model/errors.js';
import type { Chains } from '../law/chains.js';
import { resolve } from '../law/resolve.js';
import type { Obligation, ReachMode, Resolution, StateResolution } from '../law/types.js';
import { powerParameters, reachFactor, strengthOf, type Side } from '../power/weigh.js';
import type { World } from '../world/world.js';
import { decide, type Decision } from './decision.js';
import { sampleStream, thresholdOf } from './random.js';

/** At most this many states may decide in one act: their choices are bits of a 32-bit integer. */
export const MAX_DECIDERS = 30;

/** The compiled act. Plain data (typed arrays), so it crosses to worker threads as it is. */
export interface Kernel {
  /** Number of deciding states; decider i is bit i of every mask. */
  n: number;
  /** 1 when decider i would join the attacker, 0 when it would help the target. */
  attackerSide: Uint8Array;
  /** Strength × reach factor of decider i. */
  weights: Float64Array;
  /**
   * Reach that depends on others fighting: decider i has `weights[i]` only when every decider in
   * `reachNeeds[i]` acts (transit states that let it pass as co-belligerents), else `fallbackWeights[i]`.
   */
  reachNeeds: Int32Array;
  fallbackWeights: Float64Array;
  /** Decider i honours when its draw (0 … 2³²−1) is below this. */
  thresholds: Float64Array;
  /** Which of the sample's draws decider i reads. */
  slots: Int32Array;
  /** Draws per sample (≥ n when several kernels share draws). */
  draws: number;
  /** The conditional chains (with the League's finding, when it is drawn). */
  rules: Rules;
  /** When the League's finding is drawn per sample: the chains without a finding. */
  noFinding?: Rules | undefined;
  /** The League finds aggression when draw `findingSlot` is below this; slot −1 when it is not drawn. */
  findingThreshold: number;
  findingSlot: number;
  /** Weight of the attackers themselves and of the target, who always fight. */
  attackerBase: number;
  defenderBase: number;
  deterrenceRatio: number;
}

/** The conditional chains on bitmasks over the deciders. */
export interface Rules {
  /** Deciders with an obligation that waits on nobody. */
  unconditional: number;
  /** Conditional obligations: owner decider, and clauses [start[o], start[o+1]) of `clauses`. */
  owner: Int32Array;
  start: Int32Array;
  /** A clause is met when some decider in its mask acts. */
  clauses: Int32Array;
}

/** The draw-order id of the League's finding, so that variants share that draw too. */
export const LEAGUE_DRAW = '@league';

/** A deciding state: who it is, its side, its weight, and the decision behind its probability. */
export interface Decider {
  state: string;
  side: Side;
  reach: ReachMode;
  strength: number;
  weight: number;
  /** Deciders that must fight for this reach (they let it pass only as co-belligerents), and the reach without them. */
  reachNeeds: string[];
  reachOtherwise?: ReachMode | undefined;
  fallbackWeight: number;
  p: number;
  /** The decision on the obligation it is likeliest to honour; undefined when forced to abstain. */
  decision?: Decision | undefined;
  /** Its obligations that can bind in this act, with the states each waits on (one of each list must act). */
  obligations: { kind: Obligation['kind']; toward: string; treaty: string; waitsOn: string[][] }[];
}

export interface CompiledAct {
  kernel: Kernel;
  deciders: Decider[];
  /** The attackers and the target, who always fight, with their strength. */
  fixed: { state: string; side: Side; strength: number }[];
}

const FIGHTING = new Set<Obligation['kind']>(['assist', 'assist-attacker']);

/**
 * The clauses of an obligation that can switch on: one list of states per prior-action
 * condition (any one acting meets it), or undefined when some other condition is not met.
 */
function clausesOf(obligation: Obligation): string[][] | undefined {
  const clauses: string[][] = [];
  for (const c of obligation.conditions) {
    if (c.type === 'prior-action' && c.dependsOn !== undefined) clauses.push(c.dependsOn);
    else if (c.status !== 'met') return undefined;
  }
  return clauses;
}

/**
 * Compiles an act into a kernel. `resolution` is the act resolved with the run's assumptions;
 * `chains` are the resolver's compiled conditional chains for its fighting obligations (see
 * `fightingChains`), which the kernel mirrors on bitmasks. `order` fixes which draw each state reads, so that kernels
 * compiled from variants of one act share their draws state by state (common random numbers);
 * states not in it read draws after it. States the assumptions make abstain honour with
 * probability 0. With `league`, `resolution` and `chains` are those under a League finding and
 * `league.noFinding` the chains without one: each sample then draws the finding with probability
 * `league.p`. Pure. Throws QueryError when more than MAX_DECIDERS states decide.
 */
export function compileAct(
  world: World,
  resolution: Resolution,
  chains: Chains,
  parameters: Readonly<Record<string, number>>,
  order: readonly string[] = [],
  league?: { noFinding: Chains; p: number },
): CompiledAct {
  const power = powerParameters(parameters);
  const viewOf = new Map(world.states.map((s) => [s.id, s]));
  const strength = (id: string) => {
    const view = viewOf.get(id);
    return view ? strengthOf(view) : 0;
  };
  const { attackers, target } = resolution.act;
  const always = new Set(Array.from(chains.initial, (i) => chains.states[i]!));
  const abstaining = new Set(resolution.assumptions.abstain);
  const attackerStrength = attackers.reduce((sum, id) => sum + strength(id), 0);
  const byState = new Map(resolution.states.map((s) => [s.state, s]));

  const rules = rulesOf(chains);
  const candidates = [...new Set(rules.map((r) => r.state))]
    .filter((id) => !always.has(id))
    .sort()
    .map((id) => {
      const s = byState.get(id);
      const viable = (s?.obligations ?? []).filter((o) => FIGHTING.has(o.kind) && clausesOf(o) !== undefined);
      return { id, s, viable };
    })
    .filter((c) => c.s !== undefined && c.viable.length > 0) as { id: string; s: StateResolution; viable: Obligation[] }[];
  if (candidates.length > MAX_DECIDERS) {
    throw new QueryError(`${candidates.length} states decide in this act; the simulator handles at most ${MAX_DECIDERS}`);
  }
  const deciderIds = candidates.map((c) => c.id);
  const indexOf = new Map(deciderIds.map((id, i) => [id, i]));
  const deciders = candidates.map(({ s, viable }) => deciderOf(s, viable, world, parameters, power, strength, attackerStrength, strength(target), abstaining.has(s.state)));

  for (const d of deciders) Object.assign(d, reachWithout(d, deciderIds, world, resolution, power));
  const withFinding = masksOf(rules, indexOf, always);
  let noFinding = league ? masksOf(rulesOf(league.noFinding), indexOf, always) : undefined;
  if (noFinding && sameRules(noFinding, withFinding)) noFinding = undefined; // nothing waits on the League

  const slotOf = new Map(order.map((id, i) => [id, i]));
  let next = order.length;
  const slots = Int32Array.from(deciderIds, (id) => slotOf.get(id) ?? next++);
  const findingSlot = noFinding ? (slotOf.get(LEAGUE_DRAW) ?? next++) : -1;
  const kernel: Kernel = {
    n: deciders.length,
    attackerSide: Uint8Array.from(deciders, (d) => (d.side === 'attacker' ? 1 : 0)),
    weights: Float64Array.from(deciders, (d) => d.weight),
    reachNeeds: Int32Array.from(deciders, (d) => d.reachNeeds.reduce((m, id) => m | (1 << indexOf.get(id)!), 0)),
    fallbackWeights: Float64Array.from(deciders, (d) => d.fallbackWeight),
    thresholds: Float64Array.from(deciders, (d) => thresholdOf(d.p)),
    slots,
    draws: next,
    rules: withFinding,
    noFinding,
    findingThreshold: noFinding ? thresholdOf(league!.p) : 0,
    findingSlot,
    attackerBase: attackers.reduce((sum, id) => sum + strength(id) * reachFactor('home', power), 0),
    defenderBase: strength(target) * reachFactor('home', power),
    deterrenceRatio: power.deterrenceRatio,
  };
  const fixed = [...attackers.map((state) => ({ state, side: 'attacker' as const, strength: strength(state) })), { state: target, side: 'defender' as const, strength: strength(target) }];
  return { kernel, deciders, fixed };
}

/**
 * Whether a decider's reach rests on other deciders fighting (transit states that let it pass only
 * as co-belligerents): if so, which, and its reach when they do not fight (resolved with them abstaining).
 */
function reachWithout(d: Decider, deciderIds: readonly string[], world: World, resolution: Resolution, power: ReturnType<typeof powerParameters>): Pick<Decider, 'reachNeeds' | 'reachOtherwise' | 'fallbackWeight'> {
  const via = resolution.states.find((s) => s.state === d.state)?.reach?.via ?? [];
  const needs = via.filter((id) => id !== d.state && deciderIds.includes(id));
  if (d.side !== 'defender' || d.reach !== 'transit' || needs.length === 0) return { reachNeeds: [], fallbackWeight: d.weight };
  const { abstain, ...rest } = resolution.assumptions;
  const without = resolve(world, resolution.act, { ...rest, abstain: [...abstain, ...needs] }, { explain: false });
  const otherwise = without.states.find((s) => s.state === d.state)?.reach?.mode ?? 'none';
  if (otherwise === d.reach) return { reachNeeds: [], fallbackWeight: d.weight };
  return { reachNeeds: [...needs].sort(), reachOtherwise: otherwise, fallbackWeight: d.strength * reachFactor(otherwise, power) };
}

/** The resolver's rules as (state, groups of states any one of whom must act). Pure. */
function rulesOf(chains: Chains): { state: string; groups: string[][] }[] {
  const rules: { state: string; groups: string[][] }[] = [];
  for (let r = 0; r < chains.ruleState.length; r++) {
    const groups: string[][] = [];
    for (let g = chains.ruleGroups[r]!; g < chains.ruleGroups[r + 1]!; g++) {
      groups.push(Array.from(chains.members.subarray(chains.groupStart[g]!, chains.groupStart[g + 1]!), (i) => chains.states[i]!));
    }
    rules.push({ state: chains.states[chains.ruleState[r]!]!, groups });
  }
  return rules;
}

/** Rules on bitmasks over the deciders; rules of other states, and groups nobody can meet, drop out. Pure. */
function masksOf(rules: readonly { state: string; groups: string[][] }[], indexOf: ReadonlyMap<string, number>, always: ReadonlySet<string>): Rules {
  let unconditional = 0;
  const owner: number[] = [];
  const start: number[] = [0];
  const clauses: number[] = [];
  for (const rule of rules) {
    const i = indexOf.get(rule.state);
    if (i === undefined) continue;
    const masks: number[] = [];
    let alive = true;
    for (const group of rule.groups) {
      if (group.some((id) => always.has(id))) continue; // met by the attackers or the target, who always act
      const mask = group.reduce((m, id) => (indexOf.has(id) ? m | (1 << indexOf.get(id)!) : m), 0);
      if (mask === 0) alive = false; // waits on states that can never act
      masks.push(mask);
    }
    if (!alive) continue;
    if (masks.length === 0) {
      unconditional |= 1 << i;
      continue;
    }
    owner.push(i);
    clauses.push(...masks);
    start.push(clauses.length);
  }
  return { unconditional, owner: Int32Array.from(owner), start: Int32Array.from(start), clauses: Int32Array.from(clauses) };
}

function sameRules(a: Rules, b: Rules): boolean {
  const same = (x: Int32Array, y: Int32Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return a.unconditional === b.unconditional && same(a.owner, b.owner) && same(a.start, b.start) && same(a.clauses, b.clauses);
}

function deciderOf(
  s: StateResolution,
  viable: Obligation[],
  world: World,
  parameters: Readonly<Record<string, number>>,
  power: ReturnType<typeof powerParameters>,
  strength: (id: string) => number,
  attackerStrength: number,
  targetStrength: number,
  abstains: boolean,
): Decider {
  // A state that could help the target counts on the target's side even if it also owes the attacker.
  const side: Side = viable.some((o) => o.kind === 'assist') ? 'defender' : 'attacker';
  const reach: ReachMode = side === 'defender' ? (s.reach?.mode ?? 'border') : 'border';
  const view = world.states.find((v) => v.id === s.state)!;
  let best: Decision | undefined;
  for (const o of viable) {
    const decision = decide(world, view, o, reach, o.kind === 'assist-attacker' ? targetStrength : attackerStrength, parameters);
    if (!best || decision.p > best.p) best = decision;
  }
  const own = strength(s.state);
  return {
    state: s.state,
    side,
    reach,
    strength: own,
    weight: own * reachFactor(reach, power),
    reachNeeds: [],
    fallbackWeight: own * reachFactor(reach, power),
    p: abstains ? 0 : best!.p,
    decision: abstains ? undefined : best,
    obligations: viable.map((o) => ({ kind: o.kind, toward: o.toward, treaty: o.treaty, waitsOn: clausesOf(o)! })),
  };
}

/** The deciders that honour, as a bitmask, given a sample's draws. Pure. */
export function honourMask(k: Kernel, draws: Float64Array): number {
  let h = 0;
  for (let i = 0; i < k.n; i++) if (draws[k.slots[i]!]! < k.thresholds[i]!) h |= 1 << i;
  return h;
}

/** The chains that hold in a sample: without the League's finding when its draw says so. Pure. */
export function rulesFor(k: Kernel, draws: Float64Array): Rules {
  return k.noFinding !== undefined && draws[k.findingSlot]! >= k.findingThreshold ? k.noFinding : k.rules;
}

/**
 * The deciders that act when those in `honours` honour: the least fixpoint of the conditional
 * chains (an obligation that waits on others switches on once one of them acts). Pure.
 */
export function settle(rules: Rules, honours: number): number {
  let acting = honours & rules.unconditional;
  const obligations = rules.owner.length;
  if (obligations === 0) return acting;
  for (let changed = true; changed; ) {
    changed = false;
    for (let o = 0; o < obligations; o++) {
      const bit = 1 << rules.owner[o]!;
      if ((honours & bit) === 0 || (acting & bit) !== 0) continue;
      let met = true;
      for (let c = rules.start[o]!; c < rules.start[o + 1]!; c++) {
        if ((acting & rules.clauses[c]!) === 0) {
          met = false;
          break;
        }
      }
      if (met) {
        acting |= bit;
        changed = true;
      }
    }
  }
  return acting;
}

/** The defenders' weight divided by the attacker side's when `acting` act. Pure. */
export function balanceRatio(k: Kernel, acting: number): number {
  let attacker = k.attackerBase;
  let defender = k.defenderBase;
  for (let i = 0; i < k.n; i++) {
    if ((acting & (1 << i)) === 0) continue;
    const needs = k.reachNeeds[i]!;
    const weight = (acting & needs) === needs ? k.weights[i]! : k.fallbackWeights[i]!;
    if (k.attackerSide[i] === 1) attacker += weight;
    else defender += weight;
  }
  return defender / attacker;
}

/** Whether the coalition `acting` deters the attacker (power's `deters`, on the kernel). Pure. */
export function deterredBy(k: Kernel, acting: number): boolean {
  return balanceRatio(k, acting) >= k.deterrenceRatio;
}

/** Fills `out` with the draws of sample `index` (unsigned 32-bit integers). */
export function drawSample(seed: number, index: number, out: Float64Array): void {
  const stream = sampleStream(seed, index);
  for (let j = 0; j < out.length; j++) out[j] = stream.next() >>> 0;
}

/** Counts over a range of samples; sums of counts, so chunks merge in any order to the same totals. */
export interface Tally {
  samples: number;
  deterred: number;
  /** Per decider: samples in which it honoured, and those of them in which the attacker was deterred. */
  honours: number[];
  honoursDeterred: number[];
  /** [acting mask, samples], sorted by mask: at most COALITIONS_KEPT, the likeliest (see `keepLikeliest`). */
  coalitions: [number, number][];
  /** Samples whose coalition was not kept in `coalitions`. */
  otherSamples: number;
  /** Per decider: samples in which it acted. And the sum over samples of the balance ratio. */
  fights: number[];
  ratioSum: number;
}

/**
 * Distinct coalitions a tally keeps: with thirty deciders a run meets hundreds of thousands (947,000
 * at 28 deciders: 396 MB as a list), of which a report lists fifty. Memory stays bounded whatever the
 * count; per-decider figures come from `fights`, not from the list.
 */
export const COALITIONS_KEPT = 4096;

/** The `COALITIONS_KEPT` likeliest coalitions (ties: lower mask first), sorted by mask, and the samples of the rest. Pure. */
function keepLikeliest(entries: [number, number][]): { coalitions: [number, number][]; dropped: number } {
  if (entries.length <= COALITIONS_KEPT) return { coalitions: entries.sort((a, b) => a[0] - b[0]), dropped: 0 };
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const kept = entries.slice(0, COALITIONS_KEPT).sort((a, b) => a[0] - b[0]);
  return { coalitions: kept, dropped: entries.slice(COALITIONS_KEPT).reduce((sum, [, count]) => sum + count, 0) };
}

/** Runs samples [from, to) of a kernel under a seed. Pure (deterministic in its arguments). */
export function runRange(k: Kernel, seed: number, from: number, to: number): Tally {
  const draws = new Float64Array(k.draws);
  const honours = new Float64Array(k.n);
  const honoursDeterred = new Float64Array(k.n);
  const dense = k.n <= 16 ? new Float64Array(1 << k.n) : undefined;
  const sparse = new Map<number, number>();
  const fights = new Float64Array(k.n);
  let ratioSum = 0;
  let deterred = 0;
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    const h = honourMask(k, draws);
    const acting = settle(rulesFor(k, draws), h);
    const ratio = balanceRatio(k, acting);
    ratioSum += ratio;
    const d = ratio >= k.deterrenceRatio;
    if (d) deterred++;
    for (let i = 0; i < k.n; i++) {
      if ((acting & (1 << i)) !== 0) fights[i]!++;
      if ((h & (1 << i)) !== 0) {
        honours[i]!++;
        if (d) honoursDeterred[i]!++;
      }
    }
    if (dense) dense[acting]!++;
    else sparse.set(acting, (sparse.get(acting) ?? 0) + 1);
  }
  const { coalitions, dropped } = keepLikeliest(dense ? [...dense].flatMap((count, mask) => (count > 0 ? [[mask, count] as [number, number]] : [])) : [...sparse]);
  return { samples: to - from, deterred, honours: [...honours], honoursDeterred: [...honoursDeterred], coalitions, otherSamples: dropped, fights: [...fights], ratioSum };
}

/** Sums tallies of the same kernel. Pure; the order of the tallies does not matter. */
export function mergeTallies(n: number, tallies: readonly Tally[]): Tally {
  const honours = new Array<number>(n).fill(0);
  const honoursDeterred = new Array<number>(n).fill(0);
  const fights = new Array<number>(n).fill(0);
  const coalitions = new Map<number, number>();
  let samples = 0;
  let deterred = 0;
  let otherSamples = 0;
  let ratioSum = 0;
  for (const t of tallies) {
    samples += t.samples;
    deterred += t.deterred;
    otherSamples += t.otherSamples;
    ratioSum += t.ratioSum;
    for (let i = 0; i < n; i++) {
      honours[i]! += t.honours[i]!;
      honoursDeterred[i]! += t.honoursDeterred[i]!;
      fights[i]! += t.fights[i]!;
    }
    for (const [mask, count] of t.coalitions) coalitions.set(mask, (coalitions.get(mask) ?? 0) + count);
  }
  const kept = keepLikeliest([...coalitions]);
  return { samples, deterred, honours, honoursDeterred, coalitions: kept.coalitions, otherSamples: otherSamples + kept.dropped, fights, ratioSum };
}

/** The bare kernel the benchmark compares with: draws a sample's numbers and sums every weight. */
export function bareRange(k: Kernel, seed: number, from: number, to: number): number {
  const draws = new Float64Array(k.draws);
  let total = 0;
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    let sum = k.attackerBase + k.defenderBase;
    for (let i = 0; i < k.n; i++) sum += k.weights[i]!;
    total += sum;
  }
  return total;
}

/**
 * The exact probability of deterrence, by enumerating every combination of decisions (2ⁿ of
 * them, under each League finding). Pure; for checking the Monte Carlo on small acts. Throws
 * RangeError above 20 deciders.
 */
export function exactDeterrence(k: Kernel): number {
  if (k.n > 20) throw new RangeError(`exact enumeration needs at most 20 deciders, not ${k.n}`);
  if (k.noFinding === undefined) return exactUnder(k, k.rules);
  const pFinding = k.findingThreshold / 4294967296;
  return pFinding * exactUnder(k, k.rules) + (1 - pFinding) * exactUnder(k, k.noFinding);
}

function exactUnder(k: Kernel, rules: Rules): number {
  const p = Array.from(k.thresholds, (t) => t / 4294967296);
  let total = 0;
  for (let h = 0; h < 1 << k.n; h++) {
    let weight = 1;
    for (let i = 0; i < k.n; i++) weight *= (h & (1 << i)) !== 0 ? p[i]! : 1 - p[i]!;
    if (weight > 0 && deterredBy(k, settle(rules, h))) total += weight;
  }
  return total;
}

/** Counts of a paired run: kernel 0 is the baseline, the others variants on the same draws. */
export interface PairTally {
  samples: number;
  /** Per kernel: samples in which the attacker was deterred. */
  deterred: number[];
  /** Per kernel: samples deterred under it but not under the baseline, and the reverse. */
  gained: number[];
  lost: number[];
  /** Per kernel: the sum over samples of the balance ratio (defenders ÷ attacker side). */
  ratioSum: number[];
}

/**
 * Runs samples [from, to) of several kernels on the same draws (common random numbers): the
 * kernels must share one draw order (compileAct's `order`). Deterministic in its arguments.
 */
export function runPairs(kernels: readonly Kernel[], seed: number, from: number, to: number): PairTally {
  const draws = new Float64Array(Math.max(...kernels.map((k) => k.draws)));
  const m = kernels.length;
  const deterred = new Float64Array(m);
  const gained = new Float64Array(m);
  const lost = new Float64Array(m);
  const ratioSum = new Float64Array(m);
  for (let index = from; index < to; index++) {
    drawSample(seed, index, draws);
    const k0 = kernels[0]!;
    const r0 = balanceRatio(k0, settle(rulesFor(k0, draws), honourMask(k0, draws)));
    const base = r0 >= k0.deterrenceRatio;
    ratioSum[0]! += r0;
    if (base) deterred[0]!++;
    for (let j = 1; j < m; j++) {
      const k = kernels[j]!;
      const r = balanceRatio(k, settle(rulesFor(k, draws), honourMask(k, draws)));
      ratioSum[j]! += r;
      const d = r >= k.deterrenceRatio;
      if (d) deterred[j]!++;
      if (d && !base) gained[j]!++;
      else if (base && !d) lost[j]!++;
    }
  }
  return { samples: to - from, deterred: [...deterred], gained: [...gained], lost: [...lost], ratioSum: [...ratioSum] };
}

/** Sums paired tallies. Pure; order does not matter. */
export function mergePairs(m: number, tallies: readonly PairTally[]): PairTally {
  const sum = (pick: (t: PairTally) => number[]) => Array.from({ length: m }, (_, j) => tallies.reduce((s, t) => s + pick(t)[j]!, 0));
  return { samples: tallies.reduce((s, t) => s + t.samples, 0), deterred: sum((t) => t.deterred), gained: sum((t) => t.gained), lost: sum((t) => t.lost), ratioSum: sum((t) => t.ratioSum) };
}
