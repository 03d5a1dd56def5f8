/**
 * From the law's compiled act to a kernel: the states whose choice is sampled (deciders), their
 * probability of honouring, their weight on their side, and the act's one fixpoint in bitmask form
 * over them. Nothing is compiled twice: the resolution, the chains with and without a League finding,
 * and the reach of a decider whose road depends on others all come from the same compiled acts.
 */
import { QueryError } from '../model/errors.js';
import { honoursExcept, reachIn, settleAct, type CompiledAct } from '../law/compiled.js';
import type { ActContext } from '../law/conditions.js';
import { maskRulesOf } from '../law/fixpoint.js';
import type { Obligation, ReachMode, Resolution, StateResolution } from '../law/types.js';
import { powerParameters, sideOf, strengthOf, weightOf, type PowerParameters, type Side } from '../power/weigh.js';
import type { World } from '../world/world.js';
import { decide, type Decision } from './decision.js';
import { LEAGUE_DRAW, MAX_DECIDERS, type Kernel, type Rules } from './kernel.js';
import { thresholdOf } from './random.js';

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

/** An act compiled for sampling: the kernel, and who its deciders and fixed parties are. */
export interface SampledAct {
  kernel: Kernel;
  deciders: Decider[];
  /** The attackers and the target, who always fight, with their strength. */
  fixed: { state: string; side: Side; strength: number }[];
}

/** The law's side of an act for the kernel: its context, its compiled act and the resolution on it. */
export interface LawAct {
  ctx: ActContext;
  compiled: CompiledAct;
  resolution: Resolution;
}

/**
 * Compiles an act into a kernel. `law` is the act compiled and resolved with the run's assumptions.
 * `order` fixes which draw each state reads, so that kernels compiled from variants of one act share
 * their draws state by state (common random numbers); states not in it read draws after it. States the
 * assumptions make abstain honour with probability 0. With `league`, `law` is the act under a League
 * finding and `league.noFinding` the act compiled without one: each sample then draws the finding with
 * probability `league.p`. Pure. Throws QueryError when more than MAX_DECIDERS states decide.
 */
export function compileKernel(
  world: World,
  law: LawAct,
  parameters: Readonly<Record<string, number>>,
  order: readonly string[] = [],
  league?: { noFinding: CompiledAct; p: number },
): SampledAct {
  const { compiled, resolution } = law;
  const power = powerParameters(parameters);
  const viewOf = new Map(world.states.map((s) => [s.id, s]));
  const strength = (id: string) => {
    const view = viewOf.get(id);
    return view ? strengthOf(view) : 0;
  };
  const { attackers, target } = resolution.act;
  const { graph } = compiled;
  const stateIndex = law.ctx.index.stateIndex;
  const always = new Set(Array.from(graph.initial, (i) => graph.states[i]!));
  const abstaining = new Set(resolution.assumptions.abstain);
  const attackerStrength = attackers.reduce((sum, id) => sum + strength(id), 0);
  const byState = new Map(resolution.states.map((s) => [s.state, s]));

  // Deciders: the states bound to fight by some rule of the graph (sanctions put no army in the field).
  const owners = new Set<string>();
  for (let r = 0; r < graph.ruleState.length; r++) if (graph.ruleAssists[r] === 1) owners.add(graph.states[graph.ruleState[r]!]!);
  const candidates = [...owners]
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

  const others = honoursExcept(compiled, abstaining, stateIndex);
  for (const d of deciders) Object.assign(d, reachWithout(d, deciderIds, law, others, stateIndex, power));
  const bits = deciderIds.map((id) => stateIndex.get(id)!);
  const withFinding = maskRulesOf(graph, bits, others);
  let noFinding = league ? maskRulesOf(league.noFinding.graph, bits, others) : undefined;
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
    attackerBase: attackers.reduce((sum, id) => sum + weightOf(strength(id), 'home', power), 0),
    defenderBase: weightOf(strength(target), 'home', power),
    deterrenceRatio: power.deterrenceRatio,
  };
  const fixed = [...attackers.map((state) => ({ state, side: 'attacker' as const, strength: strength(state) })), { state: target, side: 'defender' as const, strength: strength(target) }];
  return { kernel, deciders, fixed };
}

/**
 * Whether a decider's reach rests on other deciders fighting (transit states that let it pass only
 * as co-belligerents): if so, which, and its reach when they do not fight (the same compiled act
 * settled with them abstaining).
 */
function reachWithout(d: Decider, deciderIds: readonly string[], law: LawAct, others: Uint8Array, stateIndex: ReadonlyMap<string, number>, power: PowerParameters): Pick<Decider, 'reachNeeds' | 'reachOtherwise' | 'fallbackWeight'> {
  const via = law.resolution.states.find((s) => s.state === d.state)?.reach?.via ?? [];
  const needs = via.filter((id) => id !== d.state && deciderIds.includes(id));
  if (d.side !== 'defender' || d.reach !== 'transit' || needs.length === 0) return { reachNeeds: [], fallbackWeight: d.weight };
  const honours = others.slice();
  for (const id of needs) honours[stateIndex.get(id)!] = 0;
  const otherwise = reachIn(law.ctx, settleAct(law.compiled, honours), d.state, 'target').mode;
  if (otherwise === d.reach) return { reachNeeds: [], fallbackWeight: d.weight };
  return { reachNeeds: [...needs].sort(), reachOtherwise: otherwise, fallbackWeight: weightOf(d.strength, otherwise, power) };
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
  power: PowerParameters,
  strength: (id: string) => number,
  attackerStrength: number,
  targetStrength: number,
  abstains: boolean,
): Decider {
  const side: Side = sideOf(viable.map((o) => o.kind))!;
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
    weight: weightOf(own, reach, power),
    reachNeeds: [],
    fallbackWeight: weightOf(own, reach, power),
    p: abstains ? 0 : best!.p,
    decision: abstains ? undefined : best,
    obligations: viable.map((o) => ({ kind: o.kind, toward: o.toward, treaty: o.treaty, waitsOn: clausesOf(o)! })),
  };
}

