/**
 * The lean answer built directly: the same content as `leanResolution(resolve(...))` (./lean.ts), but the
 * obligations of universal treaties — dozens of states bound alike — are never materialised one by one:
 * each goes straight into its group, sharing the conditions checked once per provision and beneficiary.
 * Only the states whose breaches depend on their whole list (attackers, abstainers, states on a side)
 * get it in full. test/law/lean-resolve.test.ts checks the answers equal on the catalogue and random acts.
 */
import type { World } from '../world/world.js';
import { breachesOf } from './breaches.js';
import { compiledFor, type StaticChecks } from './compile-memo.js';
import { honoursExcept, reachIn, settleAct } from './compiled.js';
import { actContext } from './conditions.js';
import { BINDING_KINDS } from './fixpoint.js';
import { sameConditions, sameList, summarise, type LeanResolution, type UniversalObligations } from './lean.js';
import { actOf, assumptionsOf, byWeight, KIND_ORDER, obligationFrom, type ResolveOptions } from './resolve.js';
import type { Act, Assumptions, ConditionCheck, Obligation, StateResolution } from './types.js';
import { lawIndex } from './world-index.js';

interface PerState {
  /** Its obligations under treaties that are not universal: what the lean answer lists. */
  own: Obligation[];
  /** Every obligation, for the states whose breaches need them. */
  all: Obligation[] | undefined;
  mustAct: boolean;
  assist: boolean;
  assistAttacker: boolean;
}

interface Group {
  g: UniversalObligations;
  /** The state that lists it first in a full answer (the least). */
  first: string;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where a group first appears in a full answer read state by state: its least state, then reading order. */
function byFirstSeen(a: Group, b: Group): number {
  return text(a.first, b.first) || KIND_ORDER[a.g.kind] - KIND_ORDER[b.g.kind] || text(a.g.treaty, b.g.treaty) || text(a.g.provision, b.g.provision) || text(a.g.toward, b.g.toward);
}

/**
 * The lean answer to an act (without explanation): `universal` names the universal treaties (see
 * `universalTreatiesOf`). Pure but for the per-world memos. Throws QueryError like `resolve`.
 */
export function resolveLean(world: World, act: Act, assumptions: Assumptions, universal: ReadonlyMap<string, string>, options: Pick<ResolveOptions, 'reach'> = {}): LeanResolution {
  const ctx = actContext(lawIndex(world), act, assumptions);
  const { compiled, checks } = compiledFor(ctx);
  const settlement = settleAct(compiled, honoursExcept(compiled, ctx.abstain, ctx.index.stateIndex));
  const { stateIds } = ctx.index;
  const acting = new Set<string>();
  const fighting = new Set<string>();
  for (let i = 0; i < stateIds.length; i++) {
    if (settlement.acting[i]) acting.add(stateIds[i]!);
    if (settlement.fighting[i]) fighting.add(stateIds[i]!);
  }
  const { targetSide, attackerSide } = settlement;
  const perState = new Map<string, PerState>();
  const buckets = new Map<string, Group[]>();
  const byChecks = new Map<StaticChecks, Group[]>();
  const { obligations } = compiled;
  for (let o = 0; o < obligations.length; o++) {
    const c = obligations[o]!;
    const st = checks[o]!;
    let per = perState.get(c.state);
    if (!per) {
      const full = ctx.attackerSet.has(c.state) || ctx.abstain.has(c.state) || targetSide.has(c.state) || attackerSide.has(c.state);
      perState.set(c.state, (per = { own: [], all: full ? [] : undefined, mustAct: false, assist: false, assistAttacker: false }));
    }
    if (c.kind === 'assist') per.assist = true;
    else if (c.kind === 'assist-attacker') per.assistAttacker = true;
    const who = universal.get(c.treaty);
    let obligation: Obligation | undefined;
    let conditions: readonly ConditionCheck[];
    let active: boolean;
    if (who === undefined || st.pending.length || c.conflict || per.all) {
      obligation = obligationFrom(ctx, c, st, acting, fighting);
      conditions = obligation.conditions;
      active = obligation.active;
      per.all?.push(obligation);
    } else {
      conditions = st.checks;
      active = st.met;
    }
    if (active && BINDING_KINDS.has(c.kind)) per.mustAct = true;
    if (who === undefined) {
      per.own.push(obligation!);
      continue;
    }
    // Obligations whose conditions were all checked once for their provision and beneficiary share them: found by identity.
    const shared = st.pending.length === 0 && !c.conflict ? st : undefined;
    let group = shared && byChecks.get(shared)?.find((x) => x.g.active === active && x.g.kind === c.kind && x.g.treaty === c.treaty && x.g.provision === c.provision && x.g.toward === c.toward && sameList(x.g.against, c.against));
    if (!group) {
      const bucket = `${c.treaty}\u0000${c.provision}\u0000${c.kind}\u0000${c.toward}\u0000${active}`;
      let list = buckets.get(bucket);
      if (!list) buckets.set(bucket, (list = []));
      group = list.find((x) => sameList(x.g.against, c.against) && sameConditions(x.g.conditions, conditions));
      if (!group) {
        const g: UniversalObligations = {
          kind: c.kind,
          toward: c.toward,
          treaty: c.treaty,
          treatyName: c.treatyName,
          provision: c.provision,
          provisionKind: c.provisionKind,
          article: c.article,
          against: c.against.slice(),
          conditions: conditions.slice(),
          active,
          states: [],
          summary: who,
        };
        list.push((group = { g, first: c.state }));
      }
      if (shared) {
        const known = byChecks.get(shared);
        if (known) known.push(group);
        else byChecks.set(shared, [group]);
      }
    }
    if (c.state < group.first) group.first = c.state;
    group.g.states.push(c.state);
  }

  const states: StateResolution[] = [];
  const forBreaches: StateResolution[] = [];
  const ids = new Set([...perState.keys(), ...ctx.attackers, ctx.target]);
  for (const state of [...ids].sort()) {
    const per = perState.get(state);
    const own = per ? per.own.sort(byWeight) : [];
    const resolution: StateResolution = { state, obligations: own, mustAct: per?.mustAct ?? false, acts: acting.has(state) };
    const fightsFor = per?.assist ? 'target' : per?.assistAttacker ? 'attacker' : undefined;
    if (fightsFor && options.reach !== false) resolution.reach = reachIn(ctx, settlement, state, fightsFor);
    states.push(resolution);
    if (per?.all) forBreaches.push({ ...resolution, obligations: per.all.sort(byWeight) });
    else if (ctx.attackerSet.has(state)) forBreaches.push(resolution);
  }
  const breaches = breachesOf(ctx, forBreaches, targetSide, attackerSide);

  // Groups in the order a full answer read state by state meets them: buckets by their first group, groups within by theirs.
  const groups = [...buckets.values()].map((list) => list.sort(byFirstSeen)).sort((a, b) => byFirstSeen(a[0]!, b[0]!)).flat();
  const list = groups.map((x) => x.g);
  summarise(list);
  return { act: actOf(ctx), assumptions: assumptionsOf(ctx), states, breaches, universal: list };
}
