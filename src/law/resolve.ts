/**
 * The resolver: for an act on a day, every state's obligations with each condition met, unmet or
 * pending, the conditional chains settled as a least fixpoint, the breaches, reach, and the
 * explanation.
 *
 * Rulings, where treaties or the model could be read more than one way:
 * - The theatre is a territory held by the target or by an attacker: scenarios record a conquest from
 *   the day of the act (Manchuria is Japan's from 1931-09-18), and the act may be the remilitarisation
 *   of the attacker's own demilitarised zone (the Rhineland, 1936). Without one, the target's territory.
 *   Location conditions are judged by the theatre and by its holder; reach goes to its holder.
 * - Defence and guarantee bind toward the target against any attacker, a co-party of the pact
 *   included (Locarno bound Britain and Italy against Germany, a party), unless an adversary
 *   condition narrows them. Offence binds toward an attacker that is a beneficiary.
 * - A nonaggression promise to the target prevails over an obligation to assist the attacker
 *   (Covenant Art. 20; Kellogg-Briand Art. 1): the latter gets an unmet `no-conflict` condition.
 * - Neutrality is owed toward any belligerent beneficiary; an `unprovoked` condition fails toward
 *   the attacker. Nonaggression is owed toward the target only (defence is no aggression).
 * - Sanctions need a League finding, written or not. Once due they make a state take part (and
 *   count in the fixpoint), but they open no road: only states that fight let others pass.
 * - A League finding not assumed leaves its conditions pending, and a pending condition is not met.
 *   A condition carrying `reading: P` applies only while boolean parameter P is true (scenario value,
 *   overridable by `assumptions.readings`); a secret protocol is met and flagged.
 * - An abstaining state keeps its obligations (mustAct may be true); it does not act, breaches each
 *   obligation that was due, and switches off whatever waited on it.
 * - Breaches, one per state, kind and treaty: the attacker's nonaggression and neutrality owed to
 *   the target (named by the treaty's role, `league-covenant` or `war-renunciation`, when it has one);
 *   any party to a league covenant resorting to war, whoever the target (Covenant Art. 12); a
 *   renunciation of war when both are parties; abstentions; and fighting a belligerent to which one
 *   owes neutrality (./breaches.ts).
 * - Reach is computed for every state with an assist or assist-attacker obligation (see ./reach.ts).
 */
import type { World } from '../world/world.js';
import type { Condition } from '../model/schema.js';
import { actContext, type ActContext } from './conditions.js';
import type { Candidate } from './chains.js';
import { answerParts, obligationsIn, type AnswerParts } from './answer-parts.js';
import { breachesOf } from './breaches.js';
import { compiledFor, type CompiledWithChecks, type StaticChecks } from './compile-memo.js';
import { honoursExcept, reachIn, settleAct, settledSets, type CompiledAct } from './compiled.js';
import { explanationOf } from './explain.js';
import { BINDING_KINDS } from './fixpoint.js';
import type { Act, Assumptions, ConditionCheck, Obligation, Resolution, StateResolution } from './types.js';
import { lawIndex } from './world-index.js';

/** What to compute beyond obligations; the atlas and benchmarks leave out the costly parts. */
export interface ResolveOptions {
  /** Compute reach for states with an assist obligation (default true). */
  reach?: boolean;
  /** Build the explanation tree (default true). */
  explain?: boolean;
}

/**
 * Resolves an act against the world of its day. Pure (the world's indexes are remembered per world object).
 * Throws QueryError for an act that makes no sense: see `actContext` in ./conditions.ts.
 */
export function resolve(world: World, act: Act, assumptions: Assumptions = {}, options: ResolveOptions = {}): Resolution {
  const ctx = actContext(lawIndex(world), act, assumptions);
  return resolveCompiled(ctx, compiledFor(ctx), options);
}

/**
 * The resolver's answer on a compiled act: its one fixpoint settled with every state honouring but those
 * `ctx` assumes abstain, each obligation's conditions in words, reach, breaches and the explanation. Pure
 * but for noting readings consulted in `ctx`.
 */
export function resolveCompiled(ctx: ActContext, law: CompiledWithChecks, options: ResolveOptions = {}): Resolution {
  const { compiled } = law;
  const settlement = settleAct(compiled, honoursExcept(compiled, ctx.abstain, ctx.index.stateIndex));
  const { acting, fighting } = settledSets(ctx, settlement);

  // The obligations that wait on nobody are shared by every answer on the compiled act (./answer-parts.ts).
  const parts = answerParts(ctx, law);
  const states: StateResolution[] = [];
  for (const state of idsOf(compiled, parts)) {
    const s = parts.states.get(state);
    const obligations = (s ? obligationsIn(ctx, law, parts, s, acting, fighting) : []) as Obligation[];
    const mustAct = s ? s.mustAct || (!s.shared && obligations.some((o) => o.active && BINDING_KINDS.has(o.kind))) : false;
    const resolution: StateResolution = { state, obligations, mustAct, acts: acting.has(state) };
    if (s?.fightsFor && options.reach !== false) resolution.reach = reachIn(ctx, settlement, state, s.fightsFor);
    states.push(resolution);
  }

  const breaches = breachesOf(ctx, states, settlement.targetSide, settlement.attackerSide);
  const resolved: Resolution = { act: actOf(ctx), assumptions: assumptionsOf(ctx), states, breaches, explanation: [] };
  if (options.explain !== false) resolved.explanation = explanationOf(resolved);
  return resolved;
}

const orders = new WeakMap<CompiledAct, number[]>();
const idLists = new WeakMap<CompiledAct, readonly string[]>();

/** Every state listed in an answer on a compiled act, sorted: those with an obligation, the attackers and the target. */
export function idsOf(compiled: CompiledAct, parts: AnswerParts): readonly string[] {
  let ids = idLists.get(compiled);
  if (!ids) idLists.set(compiled, (ids = [...new Set([...parts.states.keys(), ...compiled.attackers, compiled.target])].sort()));
  return ids;
}

/** A compiled act's obligations by state, each state's in `byWeight` order (ties in compiled order), remembered with it. */
export function readingOrder(compiled: CompiledAct): readonly number[] {
  let order = orders.get(compiled);
  if (!order) {
    const all = compiled.obligations;
    order = all.map((_, o) => o).sort((a, b) => text(all[a]!.state, all[b]!.state) || byWeight(all[a]!, all[b]!) || a - b);
    orders.set(compiled, order);
  }
  return order;
}

/** The act as resolved, its kind filled in. */
export function actOf(ctx: ActContext): Resolution['act'] {
  return { attackers: ctx.attackers.slice(), target: ctx.target, ...(ctx.theatre !== undefined ? { theatre: ctx.theatre } : {}), date: ctx.index.world.date, kind: ctx.kind };
}

/** The assumptions a resolution was made under, defaults filled in, with every reading consulted so far. */
export function assumptionsOf(ctx: ActContext): Resolution['assumptions'] {
  return {
    abstain: [...ctx.abstain].sort(),
    transit: [...ctx.transit].sort((a, b) => (a.grantor + a.grantee).localeCompare(b.grantor + b.grantee)),
    ...(ctx.leagueFinding !== undefined ? { leagueFinding: ctx.leagueFinding } : {}),
    provoked: ctx.provoked,
    readings: Object.fromEntries([...ctx.readingsUsed].sort(([a], [b]) => a.localeCompare(b))),
  };
}

type Ranked = Pick<Obligation, 'kind' | 'treaty' | 'provision' | 'toward'>;

export const KIND_ORDER: Record<Obligation['kind'], number> = { assist: 0, 'assist-attacker': 1, sanctions: 2, neutrality: 3, nonaggression: 4, consult: 5 };
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A state's obligations in reading order: what makes it fight first, then sanctions, then restraints; by treaty within a kind. */
export function byWeight(a: Ranked, b: Ranked): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || text(a.treaty, b.treaty) || text(a.provision, b.provision) || text(a.toward, b.toward);
}

export function obligationFrom(ctx: ActContext, c: Candidate, s: StaticChecks, acting: ReadonlySet<string>, fighting: ReadonlySet<string>): Obligation {
  const conditions = s.checks.slice();
  let active = s.met;
  for (const { at, condition } of s.pending) {
    const check = priorAction(ctx, conditions[at]!, condition, c.state, acting, fighting);
    if (check.status !== 'met') active = false;
    conditions[at] = check;
  }
  if (c.conflict) {
    conditions.push({ type: 'no-conflict', status: 'unmet', why: `${c.state} owes ${ctx.target} nonaggression under ${c.conflict.treaty} (${c.conflict.provision}), which prevails` });
    active = false;
  }
  // One object shape for every obligation (an absent article stays undefined and drops out of JSON).
  return {
    kind: c.kind,
    toward: c.toward,
    treaty: c.treaty,
    treatyName: c.treatyName,
    provision: c.provision,
    provisionKind: c.provisionKind,
    article: c.article,
    against: c.against.slice(),
    conditions,
    active,
  };
}

/** A prior-action condition settled: met when one of `by` acts (for `act: assistance`, the default, fights for the victim: sanctions are no assistance). */
function priorAction(ctx: ActContext, check: ConditionCheck, cond: Extract<Condition, { type: 'prior-action' }>, self: string, acting: ReadonlySet<string>, fighting: ReadonlySet<string>): ConditionCheck {
  const { by } = cond;
  const assistance = cond.act !== 'any';
  const first = by.filter((s) => s !== self && (assistance ? fighting : acting).has(s));
  if (first.length) return { ...check, status: 'met', why: `${first.join(' and ')} ${first.length > 1 ? 'act' : 'acts'} first${assistance ? ', coming to the victim\'s assistance' : ''}` };
  const reasons = by.map((s) =>
    !ctx.index.states.has(s)
      ? `${s} does not exist`
      : ctx.abstain.has(s)
        ? `${s} abstains`
        : s === self
          ? `${s} cannot act before itself`
          : acting.has(s)
            ? `${s} takes part only by League sanctions, which are not assistance`
            : `${s} is not bound to act`,
  );
  return { ...check, status: 'unmet', why: `needs ${by.join(' or ')} to ${assistance ? 'come to the victim\'s assistance' : 'act'} first: ${reasons.join('; ')}` };
}
