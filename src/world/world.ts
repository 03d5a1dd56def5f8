/**
 * The world on one day: a pure projection of a scenario (the views it is made of are in
 * ./views.ts; states, territories and capabilities in ./states.ts; treaties in ./treaty-view.ts).
 */
import { addYears, inInterval, type Day, type Interval } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Membership, Organization, Scenario, Treaty } from '../model/schema.js';
import { existsOn, statesOn, territoriesOn } from './states.js';
import { byId, sorted } from './sorting.js';
import { asRead, supersededOn, treatyLife, treatyStart } from './treaty-life.js';
import { treatyOn } from './treaty-view.js';
import type { OrganizationView, StateView, World } from './views.js';

export type { OrganizationView, ProvisionView, StateView, TerritoryView, TransitView, TreatyView, World } from './views.js';
export { existsOn } from './states.js';

/** A treaty's life, per treaty object: asked of every treaty on every day, and a scan of its provisions. */
const lives = new WeakMap<Treaty, Interval>();
function lifeOf(treaty: Treaty): Interval {
  let life = lives.get(treaty);
  if (!life) lives.set(treaty, (life = treatyLife(treaty)));
  return life;
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
      .filter((t) => inInterval(day, lifeOf(t)))
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

function bordersOn(scenario: Scenario, day: Day, controllerOf: Map<string, string>, existing: Set<string>): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const adjacency of scenario.adjacency) {
    if (!inInterval(day, adjacency)) continue;
    const a = controllerOf.get(adjacency.between[0]);
    const b = controllerOf.get(adjacency.between[1]);
    if (a === undefined || b === undefined || a === b || !existing.has(a) || !existing.has(b)) continue;
    const pair: [string, string] = a < b ? [a, b] : [b, a];
    pairs.set(`${pair[0]} ${pair[1]}`, pair);
  }
  return [...pairs.keys()].sort().map((key) => pairs.get(key)!);
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

/** The state of the given id in the world, or a QueryError that says which ids exist. */
export function stateIn(world: World, id: string): StateView {
  const state = world.states.find((s) => s.id === id);
  if (!state) throw new QueryError(`no state "${id}" exists on ${world.date}`);
  return state;
}
