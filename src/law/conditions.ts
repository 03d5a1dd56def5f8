/**
 * An act checked against one world, and the conditions of provisions checked against the act.
 * Each condition is met, unmet or pending, with the reason in words. Prior-action conditions
 * are left pending here: only the fixpoint (./fixpoint.ts) can settle them.
 */
import { QueryError } from '../model/errors.js';
import { ActKindSchema, LeagueFindingSchema, type ActKind, type Condition, type LeagueFinding } from '../model/schema.js';
import { actKindText } from './act-kinds.js';
import type { Act, Assumptions, ConditionCheck, ConditionStatus } from './types.js';
import type { LawIndex } from './world-index.js';

/** An act made sense of against a world: what every condition check needs. */
export interface ActContext {
  index: LawIndex;
  attackers: readonly string[];
  attackerSet: ReadonlySet<string>;
  target: string;
  /** The theatre territory, when the act names one. */
  theatre: string | undefined;
  /** The state whose territory is fought over: the theatre's controller, else the target. */
  destination: string;
  /** What the act is: an armed attack unless the act says otherwise. */
  kind: ActKind;
  provoked: boolean;
  leagueFinding: LeagueFinding | undefined;
  /** Whether a demand was made and refused (`demand` conditions); undefined: not assumed. */
  demands: boolean | undefined;
  abstain: ReadonlySet<string>;
  transit: readonly { grantor: string; grantee: string }[];
  readingOverrides: Readonly<Record<string, boolean>>;
  /** Every reading consulted so far, with the value used; filled as conditions are checked. */
  readingsUsed: Map<string, boolean>;
}

/**
 * Checks an act against a world and gathers what the resolver needs. Pure. Throws QueryError for an
 * act that makes no sense: a date other than the world's, no attacker, an unknown state or one that
 * does not exist that day, an attacker that is also the target, an unknown theatre, or a theatre
 * held by neither the target nor an attacker; and for assumptions naming states that do not exist
 * or readings that are not boolean parameters of the scenario.
 * An attacker may hold the theatre: scenarios record a conquest from the day of the act (Manchuria
 * is Japan's from 1931-09-18), and the act may be on the attacker's own demilitarised ground (the
 * Rhineland, 1936).
 */
export function actContext(index: LawIndex, act: Act, assumptions: Assumptions = {}): ActContext {
  const { world } = index;
  if (act.date !== world.date) throw new QueryError(`the act is dated ${act.date} but the world is that of ${world.date}`);
  if (act.attackers.length === 0) throw new QueryError('an act needs at least one attacker');
  for (const a of act.attackers) known(index, a, 'attacker');
  known(index, act.target, 'target');
  const attackers = act.attackers.length === 1 ? [act.attackers[0]!] : [...new Set(act.attackers)].sort();
  if (attackers.includes(act.target)) throw new QueryError(`${act.target} cannot attack itself: it is both attacker and target`);
  let destination = act.target;
  if (act.theatre !== undefined) {
    const territory = index.territories.get(act.theatre);
    if (!territory) throw new QueryError(`theatre "${act.theatre}" is not a territory controlled by anyone on ${world.date}`);
    if (territory.controller !== act.target && !attackers.includes(territory.controller)) {
      throw new QueryError(`theatre "${act.theatre}" is held by ${territory.controller} on ${world.date}, neither the target ${act.target} nor an attacker`);
    }
    destination = territory.controller;
  }
  for (const s of assumptions.abstain ?? []) known(index, s, 'abstaining state');
  for (const t of assumptions.transit ?? []) {
    known(index, t.grantor, 'transit grantor');
    known(index, t.grantee, 'transit grantee');
  }
  for (const [name, value] of Object.entries(assumptions.readings ?? {})) {
    if (world.readings[name] === undefined && typeof world.parameters[name] !== 'boolean') {
      const known = [...new Set([...Object.keys(world.readings), ...Object.keys(world.parameters).filter((k) => typeof world.parameters[k] === 'boolean')])].sort();
      throw new QueryError(`"${name}" is not a reading parameter of scenario "${world.scenario}"${known.length ? `; readings: ${known.join(', ')}` : ''}`);
    }
    if (typeof value !== 'boolean') throw new QueryError(`reading "${name}" must be true or false, not ${JSON.stringify(value)}`);
  }
  return {
    index,
    attackers,
    attackerSet: new Set(attackers),
    target: act.target,
    theatre: act.theatre,
    destination,
    kind: actKindOf(act.kind),
    provoked: assumptions.provoked ?? false,
    leagueFinding: leagueFindingOf(assumptions.leagueFinding),
    demands: assumptions.demands,
    abstain: new Set(assumptions.abstain ?? []),
    transit: assumptions.transit ?? [],
    readingOverrides: assumptions.readings ?? {},
    readingsUsed: new Map(),
  };
}

/** The act's kind, an armed attack when omitted. Throws QueryError naming a kind that does not exist. */
export function actKindOf(kind: string | undefined): ActKind {
  if (kind === undefined) return 'attack';
  const parsed = ActKindSchema.safeParse(kind);
  if (!parsed.success) throw new QueryError(`act kind "${kind}" is not one of ${ActKindSchema.options.join(', ')}`);
  return parsed.data;
}

/** The League's outcome from an assumption: true is aggression, false otherwise. Throws QueryError naming an outcome that does not exist. */
export function leagueFindingOf(value: LeagueFinding | boolean | undefined): LeagueFinding | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'aggression' : 'otherwise';
  const parsed = LeagueFindingSchema.safeParse(value);
  if (!parsed.success) throw new QueryError(`League finding "${String(value)}" is not one of ${LeagueFindingSchema.options.join(', ')}`);
  return parsed.data;
}

function known(index: LawIndex, id: string, role: string): void {
  if (!index.states.has(id)) throw new QueryError(`${role} "${id}" is not a state that exists on ${index.world.date}${suggest(index, id)}`);
}

function suggest(index: LawIndex, id: string): string {
  const upper = id.toUpperCase();
  if (upper !== id && index.states.has(upper)) return ` (did you mean ${upper}?)`;
  return '';
}

/** True when the state attacks or is attacked. Pure. */
export function isBelligerent(ctx: ActContext, state: string): boolean {
  return state === ctx.target || ctx.attackerSet.has(state);
}

/**
 * The value of a reading: the override, else a boolean scenario parameter of that name (how an
 * overlay flips a reading), else the register's default, else off. Throws QueryError when a
 * parameter of that name is not a boolean.
 */
export function readingValue(ctx: ActContext, name: string): boolean {
  let value = ctx.readingOverrides[name];
  if (value === undefined) {
    const raw = ctx.index.world.parameters[name];
    if (raw !== undefined && typeof raw !== 'boolean') throw new QueryError(`reading parameter "${name}" must be true or false, not ${JSON.stringify(raw)}`);
    value = raw ?? ctx.index.world.readings[name] ?? false;
  }
  ctx.readingsUsed.set(name, value);
  return value;
}

/** Whom a provision's adversary clause names: the attackers when the beneficiary is the target, else the target. */
function opponents(ctx: ActContext, toward: string): readonly string[] {
  return toward === ctx.target ? ctx.attackers : [ctx.target];
}

function locationMet(ctx: ActContext, c: Extract<Condition, { type: 'location' }>): boolean {
  if (c.states.includes(ctx.destination)) return true;
  // A theatre an attacker holds (taken that day, or its own zone) is still the target's quarrel.
  if (ctx.theatre !== undefined) return c.territories.includes(ctx.theatre) || (ctx.destination !== ctx.target && c.states.includes(ctx.target));
  for (const t of ctx.index.territoriesOf.get(ctx.target) ?? []) if (c.territories.includes(t)) return true;
  return c.states.includes(ctx.target);
}

/**
 * The status of one condition for an obligation toward `toward`, without the words: the fast
 * path of atlases and chains. Prior-action conditions are `pending`. Pure but for noting readings used.
 */
export function conditionStatus(ctx: ActContext, c: Condition, toward: string): ConditionStatus {
  if (c.reading !== undefined && !readingValue(ctx, c.reading)) return 'met';
  switch (c.type) {
    case 'adversary':
      for (const s of opponents(ctx, toward)) if (c.states.includes(s)) return 'met';
      return 'unmet';
    case 'location':
      return locationMet(ctx, c) ? 'met' : 'unmet';
    case 'unprovoked':
      return toward === ctx.target && !ctx.provoked ? 'met' : 'unmet';
    case 'league-finding':
      return ctx.leagueFinding === undefined ? 'pending' : findingsMeeting(c).includes(ctx.leagueFinding) ? 'met' : 'unmet';
    case 'secret-protocol':
      return 'met';
    case 'prior-action':
      return 'pending';
    case 'act-kind':
      return c.kinds.includes(ctx.kind) ? 'met' : 'unmet';
    case 'partner-attacked':
      // Owed to a party under attack, not to one that attacks: provocation does not matter.
      return toward === ctx.target ? 'met' : 'unmet';
    case 'attackers':
      return (c.min === undefined || ctx.attackers.length >= c.min) && (c.max === undefined || ctx.attackers.length <= c.max) ? 'met' : 'unmet';
    case 'demand':
      return ctx.demands === undefined ? 'pending' : ctx.demands ? 'met' : 'unmet';
    case 'unconcluded':
      return 'unmet';
  }
}

/** The Council outcomes that meet a league-finding condition: [aggression] unless it says more. */
export function findingsMeeting(c: Extract<Condition, { type: 'league-finding' }>): readonly LeagueFinding[] {
  return c.on ?? ['aggression'];
}

const FINDING_TEXT: Record<LeagueFinding, string> = {
  aggression: 'finds aggression',
  'no-decision': 'makes no recommendation or fails to reach unanimity',
  otherwise: 'finds no aggression',
};
const ASSUMED_TEXT: Record<LeagueFinding, string> = {
  aggression: 'the League is assumed to find aggression',
  'no-decision': 'the League Council is assumed to make no recommendation or fail to reach unanimity',
  otherwise: 'the League is assumed to find no aggression',
};

/** One condition checked, with the reason in words. Prior-action conditions come back pending with `dependsOn`. Pure but for noting readings used. */
export function checkCondition(ctx: ActContext, c: Condition, toward: string): ConditionCheck {
  const reading = c.reading;
  if (reading !== undefined && !readingValue(ctx, reading)) {
    return { type: c.type, status: 'met', why: `applies only under the reading "${reading}", which is off`, reading };
  }
  const status = conditionStatus(ctx, c, toward);
  const why = explainCondition(ctx, c, toward, status);
  const check: ConditionCheck = { type: c.type, status, why };
  if (c.type === 'prior-action') check.dependsOn = [...c.by];
  if (reading !== undefined) check.reading = reading;
  return check;
}

/** Why a condition has its status, in words. */
function explainCondition(ctx: ActContext, c: Condition, toward: string, status: ConditionStatus): string {
  switch (c.type) {
    case 'adversary': {
      const named = opponents(ctx, toward).filter((s) => c.states.includes(s));
      if (status === 'met') return `${named.join(', ')} ${named.length > 1 ? 'are' : 'is'} named as adversary`;
      return `binds only against ${c.states.join(', ')}; the opponent is ${opponents(ctx, toward).join(', ')}`;
    }
    case 'location': {
      const where = ctx.theatre !== undefined ? `the theatre ${ctx.theatre} (held by ${ctx.destination})` : `the territory of ${ctx.target}`;
      const scope = [...c.states, ...c.territories].join(', ') || 'nowhere';
      return status === 'met' ? `${where} lies within ${scope}` : `${where} lies outside ${scope}`;
    }
    case 'unprovoked':
      if (toward !== ctx.target) return `${toward} is the attacker, not the party attacked`;
      return ctx.provoked ? 'the attack is assumed provoked' : 'the attack is taken as unprovoked (no provocation assumed)';
    case 'league-finding': {
      const on = findingsMeeting(c).map((f) => FINDING_TEXT[f]).join(' or ');
      if (ctx.leagueFinding === undefined) return `waits for the League Council: binds once it ${on} (not assumed either way)`;
      return status === 'met' ? ASSUMED_TEXT[ctx.leagueFinding] : `${ASSUMED_TEXT[ctx.leagueFinding]}; binds only once it ${on}`;
    }
    case 'secret-protocol':
      return 'a secret protocol: binding between the parties, unknown to others';
    case 'prior-action':
      return `binds once ${c.by.join(' or ')} ${c.act === 'any' ? 'acts' : 'comes to the victim\'s assistance'} first`;
    case 'act-kind':
      return status === 'met' ? `the act, ${actKindText(ctx.kind)}, is of a kind it covers` : `covers only ${c.kinds.join(', ')}; the act is ${actKindText(ctx.kind)}`;
    case 'partner-attacked':
      return toward === ctx.target ? `${toward} is the party attacked` : `${toward} is the attacker, not the party attacked: owed only to a party under attack`;
    case 'attackers': {
      const range = c.min !== undefined && c.max !== undefined ? `${c.min} to ${c.max}` : c.min !== undefined ? `at least ${c.min}` : `at most ${c.max}`;
      return `binds against ${range} attacker(s); ${ctx.attackers.length} attack${ctx.attackers.length === 1 ? 's' : ''}`;
    }
    case 'demand':
      if (ctx.demands === undefined) return `waits for a demand to be refused: ${c.note} (not assumed either way)`;
      return ctx.demands ? `the demand is assumed made and refused: ${c.note}` : `the demand is assumed not refused: ${c.note}`;
    case 'unconcluded':
      return `offered but never concluded, so it binds nothing: ${c.note}`;
  }
}
