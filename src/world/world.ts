/**
 * The world on one day: a pure projection of a scenario. Everything here is plain data,
 * sorted by id, so that it serialises as it is and does not depend on the order in which
 * the scenario lists its entries.
 */
import { addYears, inInterval, yearOf, type Day } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Actor, Capability, Condition, Membership, Organization, Provision, Regime, Scenario, Treaty } from '../model/schema.js';
import { asRead, provisionBindsOn, supersededOn, treatyLife, treatyStart } from './treaty-life.js';

export interface StateView {
  id: string;
  kind: 'state' | 'entity';
  ccode?: number | undefined;
  name: string;
  capital: Actor['capital'];
  regime?: Regime | undefined;
  leaders: { role: string; name: string }[];
  lines: string[];
  /** The state this one is a puppet or protectorate of, that day. */
  overlord?: string | undefined;
  /** Seas on which it controls a coast. */
  seas: string[];
  capability?: Omit<Capability, 'state' | 'year' | 'source'> | undefined;
  /** Multiplier of capability (a purged army fights below its weight); 1 unless a parameter says otherwise. */
  effectiveness: number;
}

export interface TerritoryView {
  id: string;
  name: string;
  controller: string;
  status: string;
  seas: string[];
}

export interface OrganizationView {
  id: string;
  name: string;
  kind: Organization['kind'];
  members: string[];
  /** Members that have given notice of withdrawal and the day it takes effect. */
  leaving: { member: string; notice: Day; until: Day }[];
  lines: string[];
}

/** A provision with who is bound and toward whom resolved for the day. */
export interface ProvisionView extends Omit<Provision, 'obliged' | 'beneficiaries' | 'source' | 'from' | 'until'> {
  obliged: string[];
  beneficiaries: string[];
}

export interface TreatyView {
  id: string;
  name: string;
  parties: string[];
  signed: Day;
  inForce: Day;
  until?: Day | undefined;
  denounced?: Day | undefined;
  /** `denounced`: notice given or repudiated by a party but not yet ended. */
  status: 'in-force' | 'denounced';
  atop?: number | undefined;
  secret: boolean;
  /** Earlier treaties it replaces as between its parties, confirms, or prolongs (present only when the scenario says so). */
  supersedes?: string[];
  confirms?: string[];
  prolongs?: string;
  /** The reading that decides whether a unilateral denunciation ended it before its term. */
  denunciationReading?: string;
  provisions: ProvisionView[];
}

export interface TransitView {
  grantor: string;
  grantee: string;
  stance: 'grants' | 'refuses';
  note?: string | undefined;
}

export interface World {
  scenario: string;
  date: Day;
  states: StateView[];
  territories: TerritoryView[];
  /** Pairs of existing actors with a common land border, each pair sorted, the list sorted. */
  borders: [string, string][];
  organizations: OrganizationView[];
  treaties: TreatyView[];
  /** Treaties signed but not yet in force that day. */
  signedNotInForce: { id: string; name: string; signed: Day; inForce?: Day | undefined }[];
  transit: TransitView[];
  parameters: Record<string, number | boolean | string>;
  /** The readings register's defaults, by reading id (a boolean parameter of the same name overrides one). */
  readings: Record<string, boolean>;
  seas: { id: string; name: string; connects: string[] }[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = <T extends string>(ids: Iterable<T>): T[] => [...new Set(ids)].sort();

/** True when the actor exists on the day. Pure. */
export function existsOn(actor: Actor, day: Day): boolean {
  return actor.exists.some((spell) => inInterval(day, spell));
}

/** The day a membership ends: its `until`, else notice plus the organization's notice period. Pure. */
export function membershipEnd(membership: Membership, organization: Organization): Day | undefined {
  if (membership.until !== undefined) return membership.until;
  if (membership.notice !== undefined && organization.withdrawal) return addYears(membership.notice, organization.withdrawal.noticeYears);
  return undefined;
}

export { treatyStart } from './treaty-life.js';

/**
 * The world on `day`. Pure. Throws QueryError when the day lies outside the scenario's span.
 * `readings` override the scenario's boolean reading parameters; those that decide whether a
 * treaty is in force at all (a denunciation against its term) are applied here, and the world's
 * `parameters` carry the overrides so that law reads the same values.
 */
export function worldAt(scenario: Scenario, day: Day, readings: Readonly<Record<string, boolean>> = {}): World {
  if (!inInterval(day, scenario.span)) {
    throw new QueryError(`${day} is outside scenario "${scenario.id}", which covers ${scenario.span.from} to ${scenario.span.until} (exclusive)`);
  }
  const existing = new Set(scenario.actors.filter((a) => existsOn(a, day)).map((a) => a.id));
  const territories = territoriesOn(scenario, day);
  const controllerOf = new Map(territories.map((t) => [t.id, t.controller]));
  const organizations = organizationsOn(scenario, day, existing);
  const membersOf = new Map(organizations.map((o) => [o.id, o.members]));
  const superseded = supersededOn(scenario, day);
  const parameters: Record<string, number | boolean | string> = Object.fromEntries(
    Object.entries(scenario.parameters).sort(([a], [b]) => a.localeCompare(b)).map(([k, p]) => [k, typeof p.value === 'boolean' && readings[k] !== undefined ? readings[k] : p.value]),
  );
  // A reading's value: the register's default, a boolean parameter of the same name, then the override.
  const readingValues: Record<string, unknown> = { ...Object.fromEntries(scenario.readings.map((r) => [r.id, r.default])), ...parameters, ...readings };
  const treaties = scenario.treaties.map((t) => asRead(t, readingValues));

  return {
    scenario: scenario.id,
    date: day,
    states: statesOn(scenario, day, existing, territories),
    territories,
    borders: bordersOn(scenario, day, controllerOf, existing),
    organizations,
    treaties: treaties
      .filter((t) => inInterval(day, treatyLife(t)))
      .map((t) => treatyOn(t, day, existing, membersOf, superseded.get(t.id)))
      .filter((t) => t.parties.length > 0 && t.provisions.length > 0)
      .sort(byId),
    signedNotInForce: treaties
      .filter((t) => t.signed <= day && day < treatyStart(t))
      .map((t) => ({ id: t.id, name: t.name, signed: t.signed, inForce: t.inForce }))
      .sort(byId),
    transit: scenario.transit
      .filter((t) => inInterval(day, t) && existing.has(t.grantor) && existing.has(t.grantee))
      .map(({ grantor, grantee, stance, note }) => ({ grantor, grantee, stance, note }))
      .sort((a, b) => (a.grantor + a.grantee).localeCompare(b.grantor + b.grantee)),
    readings: Object.fromEntries(scenario.readings.map((r) => [r.id, r.default]).sort(([a], [b]) => (a! < b! ? -1 : 1))),
    parameters,
    seas: scenario.seas.map(({ id, name, connects }) => ({ id, name, connects: sorted(connects) })).sort(byId),
  };
}

function territoriesOn(scenario: Scenario, day: Day): TerritoryView[] {
  const views: TerritoryView[] = [];
  for (const t of scenario.territories) {
    const spell = t.control.find((c) => inInterval(day, c));
    if (spell) views.push({ id: t.id, name: t.name, controller: spell.controller, status: spell.status, seas: sorted(t.seas) });
  }
  return views.sort(byId);
}

const capabilityIndex = new WeakMap<Scenario, Map<string, Capability>>();

/**
 * The capability row of a state in a year: the first one listed, as a scan would find it. Indexed once
 * per scenario object (a full-history import holds some 15,000 rows, scanned per state per day otherwise).
 */
function capabilityOf(scenario: Scenario, state: string, year: number): Capability | undefined {
  let index = capabilityIndex.get(scenario);
  if (!index) {
    index = new Map();
    for (const c of scenario.capabilities) {
      const key = `${c.state}@${c.year}`;
      if (!index.has(key)) index.set(key, c);
    }
    capabilityIndex.set(scenario, index);
  }
  return index.get(`${state}@${year}`);
}

function statesOn(scenario: Scenario, day: Day, existing: Set<string>, territories: TerritoryView[]): StateView[] {
  const year = yearOf(day);
  const seasOf = new Map<string, Set<string>>();
  for (const t of territories) for (const sea of t.seas) seasOf.set(t.controller, (seasOf.get(t.controller) ?? new Set()).add(sea));
  return scenario.actors
    .filter((a) => existing.has(a.id))
    .map((a): StateView => {
      const row = capabilityOf(scenario, a.id, year);
      const { state: _s, year: _y, source: _src, ...capability } = row ?? ({} as Capability);
      return {
        id: a.id,
        kind: a.kind,
        ccode: a.ccode,
        name: a.name,
        capital: a.capital,
        regime: a.regimes.find((r) => inInterval(day, r))?.regime,
        leaders: a.leaders.filter((l) => inInterval(day, l)).map(({ role, name }) => ({ role, name })).sort((x, y) => (x.role + x.name).localeCompare(y.role + y.name)),
        lines: sorted(a.lines.filter((l) => inInterval(day, l)).map((l) => l.line)),
        overlord: a.dependencies.find((d) => inInterval(day, d))?.overlord,
        seas: sorted(seasOf.get(a.id) ?? []),
        capability: row ? capability : undefined,
        effectiveness: scenario.effectiveness.find((e) => e.state === a.id && inInterval(day, e))?.factor ?? 1,
      };
    })
    .sort(byId);
}

function bordersOn(scenario: Scenario, day: Day, controllerOf: Map<string, string>, existing: Set<string>): [string, string][] {
  const pairs = new Set<string>();
  for (const adjacency of scenario.adjacency) {
    if (!inInterval(day, adjacency)) continue;
    const a = controllerOf.get(adjacency.between[0]);
    const b = controllerOf.get(adjacency.between[1]);
    if (a === undefined || b === undefined || a === b || !existing.has(a) || !existing.has(b)) continue;
    pairs.add(a < b ? `${a} ${b}` : `${b} ${a}`);
  }
  return [...pairs].sort().map((p) => p.split(' ') as [string, string]);
}

function organizationsOn(scenario: Scenario, day: Day, existing: Set<string>): OrganizationView[] {
  return scenario.organizations
    .filter((o) => o.founded === undefined || o.founded <= day)
    .map((o): OrganizationView => {
      const current = o.memberships.filter((m) => existing.has(m.member) && inInterval(day, { from: m.from, until: membershipEnd(m, o) }));
      return {
        id: o.id,
        name: o.name,
        kind: o.kind,
        members: sorted(current.map((m) => m.member)),
        leaving: current
          .filter((m) => m.notice !== undefined && m.notice <= day)
          .map((m) => ({ member: m.member, notice: m.notice!, until: membershipEnd(m, o)! }))
          .filter((m) => m.until !== undefined)
          .sort((x, y) => x.member.localeCompare(y.member)),
        lines: sorted(o.lines.filter((l) => inInterval(day, l)).map((l) => l.line)),
      };
    })
    .sort(byId);
}

/** A treaty on a day. `released`: states for which a later treaty has superseded it (they are no longer bound by it). */
function treatyOn(treaty: Treaty, day: Day, existing: Set<string>, membersOf: Map<string, string[]>, released: ReadonlySet<string> = new Set()): TreatyView {
  const explicit = treaty.parties
    .filter((p) => typeof p === 'string' || inInterval(day, p))
    .map((p) => (typeof p === 'string' ? p : p.state));
  const parties = sorted([...explicit, ...(treaty.partiesOf ? (membersOf.get(treaty.partiesOf) ?? []) : [])].filter((id) => existing.has(id)));
  const partySet = new Set(parties);
  // A state that was a party and is no longer (Germany after repudiating Locarno) loses the treaty's benefits too.
  const formerParties = new Set(treaty.parties.map((p) => (typeof p === 'string' ? p : p.state)).filter((id) => !partySet.has(id)));
  return {
    id: treaty.id,
    name: treaty.name,
    parties,
    signed: treaty.signed,
    inForce: treatyStart(treaty),
    until: treaty.until,
    denounced: treaty.denounced,
    status: treaty.denounced !== undefined && treaty.denounced <= day ? 'denounced' : 'in-force',
    atop: treaty.atop,
    secret: treaty.secret,
    ...(treaty.supersedes ? { supersedes: sorted(treaty.supersedes) } : {}),
    ...(treaty.confirms ? { confirms: sorted(treaty.confirms) } : {}),
    ...(treaty.prolongs ? { prolongs: treaty.prolongs } : {}),
    ...(treaty.denunciationReading ? { denunciationReading: treaty.denunciationReading } : {}),
    provisions: treaty.provisions
      .filter((p) => provisionBindsOn(treaty, p, day))
      .map(({ obliged, beneficiaries, source: _source, conditions, from: _from, until: _until, ...rest }) => {
        // A guarantor need not be a party in the usual sense; any existing state named is bound.
        const bound = (obliged ?? parties).filter((id) => partySet.has(id) || (rest.kind === 'guarantee' && existing.has(id)));
        return {
          ...rest,
          conditions: conditions.map(withSortedIds),
          obliged: sorted(bound.filter((id) => !released.has(id))),
          beneficiaries: sorted((beneficiaries ?? parties).filter((id) => existing.has(id) && !formerParties.has(id))),
          supersededForAll: bound.length > 0 && bound.every((id) => released.has(id)),
        };
      })
      .filter((p) => !p.supersededForAll)
      .map(({ supersededForAll: _gone, ...p }) => p),
  };
}

/** A condition's lists of ids are sets: sorted, so the world never depends on the order they were written in. */
function withSortedIds(condition: Condition): Condition {
  switch (condition.type) {
    case 'adversary':
      return { ...condition, states: sorted(condition.states) };
    case 'prior-action':
      return { ...condition, by: sorted(condition.by) };
    case 'location':
      return { ...condition, states: sorted(condition.states), territories: sorted(condition.territories) };
    case 'act-kind':
      return { ...condition, kinds: sorted(condition.kinds) };
    case 'league-finding':
      return condition.on ? { ...condition, on: sorted(condition.on) } : condition;
    default:
      return condition;
  }
}

/** The state of the given id in the world, or a QueryError that says which ids exist. */
export function stateIn(world: World, id: string): StateView {
  const state = world.states.find((s) => s.id === id);
  if (!state) throw new QueryError(`no state "${id}" exists on ${world.date}`);
  return state;
}
