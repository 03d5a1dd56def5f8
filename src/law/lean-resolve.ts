/**
 * The lean answer built directly: the same content as `leanResolution(resolve(...))` (./lean.ts), but the
 * obligations of universal treaties — dozens of states bound alike — are never materialised one by one.
 * Those whose conditions wait on nobody (no prior action, no prevailing restraint) are grouped once per
 * compiled act (`planOf`, remembered with it), summarised and shared, frozen, by every answer (copied
 * only when an obligation that waits joins a group); states' own lists that wait on nobody are shared
 * too (./answer-parts.ts). The states whose breaches depend on their whole list (attackers,
 * abstainers, states on a side) get it for the breaches alone. test/law/lean-resolve.test.ts checks the answers byte-equal on the catalogue and
 * on random acts.
 */
import type { World } from '../world/world.js';
import { answerParts, obligationsIn, type StateParts } from './answer-parts.js';
import { breachesOf } from './breaches.js';
import { compiledFor, type CompiledWithChecks } from './compile-memo.js';
import { honoursExcept, reachIn, settleAct, settledSets, type CompiledAct } from './compiled.js';
import { actContext, type ActContext } from './conditions.js';
import { BINDING_KINDS } from './fixpoint.js';
import { sameConditions, sameList, summarise, type LeanResolution, type UniversalObligations } from './lean.js';
import { actOf, assumptionsOf, byWeight, KIND_ORDER, obligationFrom, type ResolveOptions } from './resolve.js';
import type { Act, Assumptions, ConditionCheck, Obligation, StateResolution } from './types.js';
import { lawIndex } from './world-index.js';

interface Group {
  g: UniversalObligations;
  bucket: string;
  /** The state that lists it first in a full answer (the least). */
  first: string;
}

/** What does not depend on the choices, per state. */
interface StaticState {
  mustAct: boolean;
  assist: boolean;
  assistAttacker: boolean;
  /** Its universal obligations grouped in the plan (materialised only when its breaches need them). */
  grouped: number[];
}

/** A compiled act prepared for lean answers under one set of universal treaties. */
interface LeanPlan {
  universal: ReadonlyMap<string, string>;
  /** Obligations materialised in every answer: those of other treaties, and universal ones that wait on others. */
  each: number[];
  groups: Group[];
  states: Map<string, StaticState>;
  /** Every state listed in an answer, sorted. */
  ids: string[];
  /** Per state, its own obligations (those of other treaties), shared when none waits on another state. */
  own: Map<string, readonly Obligation[]>;
  /** Some obligation of a universal treaty waits on another state: groups are made afresh in each answer. */
  regroup: boolean;
  /** The groups as every answer gives them, when none is made afresh (shared, frozen). */
  summarised: readonly UniversalObligations[] | undefined;
  /** Obligations of `each` made in each answer: those not in a shared list. */
  dynamic: number[];
  /** Per state of `ids`, what its entry needs, looked up once. */
  rows: Row[];
}

interface Row {
  state: string;
  index: number;
  s: StaticState | undefined;
  /** Its own obligations when shared. */
  own: readonly Obligation[] | undefined;
  /** Active and binding whatever the choices. */
  mustAct: boolean;
  fightsFor: 'target' | 'attacker' | undefined;
  parts: StateParts | undefined;
}

const NONE: readonly Obligation[] = Object.freeze([]);

const plans = new WeakMap<CompiledAct, LeanPlan>();

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where a group first appears in a full answer read state by state: its least state, then reading order. */
function byFirstSeen(a: Group, b: Group): number {
  return text(a.first, b.first) || KIND_ORDER[a.g.kind] - KIND_ORDER[b.g.kind] || text(a.g.treaty, b.g.treaty) || text(a.g.provision, b.g.provision) || text(a.g.toward, b.g.toward);
}

/** Puts an obligation of `state` into its group (by provision, ruling, adversaries and the words of its conditions), made if new. */
function addTo(buckets: Map<string, Group[]>, groups: Group[], state: string, o: Omit<Obligation, 'against' | 'conditions'> & { against: readonly string[]; conditions: readonly ConditionCheck[] }, who: string): void {
  const bucket = `${o.treaty}\u0000${o.provision}\u0000${o.kind}\u0000${o.toward}\u0000${o.active}`;
  let list = buckets.get(bucket);
  if (!list) buckets.set(bucket, (list = []));
  let group = list.find((x) => sameList(x.g.against, o.against) && sameConditions(x.g.conditions, o.conditions));
  if (!group) {
    const g: UniversalObligations = {
      kind: o.kind,
      toward: o.toward,
      treaty: o.treaty,
      treatyName: o.treatyName,
      provision: o.provision,
      provisionKind: o.provisionKind,
      article: o.article,
      against: o.against.slice(),
      conditions: o.conditions.slice(),
      active: o.active,
      states: [],
      summary: who,
    };
    list.push((group = { g, bucket, first: state }));
    groups.push(group);
  }
  if (state < group.first) group.first = state;
  group.g.states.push(state);
}

/** Puts groups in the order a full answer read state by state meets them: buckets by their first group, groups within by theirs. */
function ordered(groups: Group[]): void {
  const byBucket = new Map<string, Group[]>();
  for (const x of groups) {
    const list = byBucket.get(x.bucket);
    if (list) list.push(x);
    else byBucket.set(x.bucket, [x]);
  }
  const sorted = [...byBucket.values()].map((l) => l.sort(byFirstSeen)).sort((a, b) => byFirstSeen(a[0]!, b[0]!)).flat();
  groups.splice(0, groups.length, ...sorted);
}

function planOf(ctx: ActContext, law: CompiledWithChecks, universal: ReadonlyMap<string, string>): LeanPlan {
  const { compiled, checks } = law;
  const known = plans.get(compiled);
  if (known && known.universal === universal) return known;
  const each: number[] = [];
  const groups: Group[] = [];
  const buckets = new Map<string, Group[]>();
  const states = new Map<string, StaticState>();
  compiled.obligations.forEach((c, o) => {
    let s = states.get(c.state);
    if (!s) states.set(c.state, (s = { mustAct: false, assist: false, assistAttacker: false, grouped: [] }));
    if (c.kind === 'assist') s.assist = true;
    else if (c.kind === 'assist-attacker') s.assistAttacker = true;
    const st = checks[o]!;
    const who = universal.get(c.treaty);
    if (who === undefined || st.pending.length || c.conflict) {
      each.push(o);
      return;
    }
    if (st.met && BINDING_KINDS.has(c.kind)) s.mustAct = true;
    s.grouped.push(o);
    addTo(buckets, groups, c.state, { ...c, conditions: st.checks, active: st.met }, who);
  });
  for (const x of groups) x.g.states.sort();
  ordered(groups);
  // Materialised in reading order, so that each state's list needs no sorting (the sort is stable: ties keep the compiled order).
  each.sort((a, b) => text(compiled.obligations[a]!.state, compiled.obligations[b]!.state) || byWeight(compiled.obligations[a]!, compiled.obligations[b]!) || a - b);
  const ids = [...new Set([...states.keys(), ...compiled.attackers, compiled.target])].sort();
  const { fixed } = answerParts(ctx, law);
  const regroup = each.some((o) => universal.has(compiled.obligations[o]!.treaty));
  const own = new Map<string, Obligation[]>();
  const waiting = new Set<string>();
  for (const o of each) {
    const c = compiled.obligations[o]!;
    if (universal.has(c.treaty)) continue;
    if (!fixed[o]) waiting.add(c.state);
    push(own, c.state, fixed[o]!);
  }
  for (const state of waiting) own.delete(state);
  for (const list of own.values()) Object.freeze(list);
  const summarised = regroup ? undefined : frozenGroups(groups);
  const dynamic = each.filter((o) => universal.has(compiled.obligations[o]!.treaty) || !own.has(compiled.obligations[o]!.state));
  const parts = answerParts(ctx, law);
  const rows = ids.map((state): Row => {
    const s = states.get(state);
    const shared = own.get(state) ?? (dynamic.some((o) => compiled.obligations[o]!.state === state && !universal.has(compiled.obligations[o]!.treaty)) ? undefined : NONE);
    const p = parts.states.get(state);
    return { state, index: ctx.index.stateIndex.get(state) ?? -1, s, own: shared, mustAct: (s?.mustAct ?? false) || (own.has(state) && p!.mustAct), fightsFor: s?.assist ? 'target' : s?.assistAttacker ? 'attacker' : undefined, parts: p };
  });
  const plan: LeanPlan = { universal, each, groups, states, ids, own, regroup, summarised, dynamic, rows };
  plans.set(compiled, plan);
  return plan;
}

/**
 * The lean answer to an act (without explanation): `universal` names the universal treaties (see
 * `universalTreatiesOf`). Pure but for the per-world memos. Throws QueryError like `resolve`.
 */
export function resolveLean(world: World, act: Act, assumptions: Assumptions, universal: ReadonlyMap<string, string>, options: Pick<ResolveOptions, 'reach'> = {}): LeanResolution {
  const ctx = actContext(lawIndex(world), act, assumptions);
  const law = compiledFor(ctx);
  const { compiled, checks } = law;
  const plan = planOf(ctx, law, universal);
  const settlement = settleAct(compiled, honoursExcept(compiled, ctx.abstain, ctx.index.stateIndex));
  let sets: { acting: Set<string>; fighting: Set<string> } | undefined; // made only when an obligation waits on another state
  const { targetSide, attackerSide } = settlement;

  const parts = answerParts(ctx, law);
  const { fixed } = parts;
  // The obligations that depend on the choices; the plan's groups copied only when some of them join one.
  const groups: Group[] = plan.regroup ? plan.groups.map((x) => ({ ...x, g: { ...x.g, against: x.g.against.slice(), conditions: x.g.conditions.slice(), states: x.g.states.slice() } })) : [];
  const own = new Map<string, Obligation[]>();
  const mustAct = new Set<string>();
  let buckets: Map<string, Group[]> | undefined;
  for (const o of plan.dynamic) {
    const c = compiled.obligations[o]!;
    const obligation = fixed[o] ?? obligationFrom(ctx, c, checks[o]!, (sets ??= settledSets(ctx, settlement)).acting, sets.fighting);
    if (obligation.active && BINDING_KINDS.has(c.kind)) mustAct.add(c.state);
    const who = universal.get(c.treaty);
    if (who === undefined) {
      push(own, c.state, obligation);
      continue;
    }
    if (!buckets) {
      buckets = new Map();
      for (const x of groups) {
        const list = buckets.get(x.bucket);
        if (list) list.push(x);
        else buckets.set(x.bucket, [x]);
      }
    }
    addTo(buckets, groups, c.state, obligation, who);
  }

  const states: StateResolution[] = [];
  const forBreaches: StateResolution[] = [];
  const reach = options.reach !== false;
  for (const row of plan.rows) {
    const { state } = row;
    const obligations = (row.own ?? own.get(state) ?? []) as Obligation[];
    const resolution: StateResolution = { state, obligations, mustAct: row.mustAct || mustAct.has(state), acts: row.index >= 0 && settlement.acting[row.index] !== 0 };
    if (row.fightsFor && reach) resolution.reach = reachIn(ctx, settlement, state, row.fightsFor);
    states.push(resolution);
    if (row.parts && (ctx.attackerSet.has(state) || ctx.abstain.has(state) || targetSide.has(state) || attackerSide.has(state))) {
      forBreaches.push({ ...resolution, obligations: (row.parts.shared ?? obligationsIn(ctx, law, parts, row.parts, (sets ??= settledSets(ctx, settlement)).acting, sets.fighting)) as Obligation[] });
    } else if (ctx.attackerSet.has(state)) forBreaches.push(resolution);
  }
  const breaches = breachesOf(ctx, forBreaches, targetSide, attackerSide);

  if (plan.summarised) return { act: actOf(ctx), assumptions: assumptionsOf(ctx), states, breaches, universal: plan.summarised.slice() };
  if (buckets) ordered(groups); // the plan's groups are in order already
  const list = groups.map((x) => x.g);
  summarise(list);
  return { act: actOf(ctx), assumptions: assumptionsOf(ctx), states, breaches, universal: list };
}

/** The plan's groups as an answer gives them, summarised and frozen. */
function frozenGroups(groups: readonly Group[]): readonly UniversalObligations[] {
  const list = groups.map((x) => ({ ...x.g, against: x.g.against.slice(), conditions: x.g.conditions.slice(), states: x.g.states.slice() }));
  summarise(list);
  for (const g of list) {
    Object.freeze(g.against);
    Object.freeze(g.conditions);
    Object.freeze(g.states);
    Object.freeze(g);
  }
  return Object.freeze(list);
}


function push(map: Map<string, Obligation[]>, key: string, o: Obligation): void {
  const list = map.get(key);
  if (list) list.push(o);
  else map.set(key, [o]);
}
