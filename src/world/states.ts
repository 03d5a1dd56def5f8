/**
 * Who exists on a day and what each holds: the states and entities of the world, their capability
 * that year, and the territories with their controllers.
 */
import { inInterval, yearOf, type Day } from '../model/day.js';
import type { Actor, Capability, Scenario } from '../model/schema.js';
import { byId, sorted } from './sorting.js';
import type { StateView, TerritoryView } from './views.js';

/** True when the actor exists on the day. Pure. */
export function existsOn(actor: Actor, day: Day): boolean {
  return actor.exists.some((spell) => inInterval(day, spell));
}

/** The territories controlled by someone on the day, sorted by id. Pure. */
export function territoriesOn(scenario: Scenario, day: Day): TerritoryView[] {
  const views: TerritoryView[] = [];
  for (const t of scenario.territories) {
    const spell = t.control.find((c) => inInterval(day, c));
    if (spell) views.push({ id: t.id, name: t.name, controller: spell.controller, status: spell.status, seas: sorted(t.seas) });
  }
  return views.sort(byId);
}

type CapabilityFigures = NonNullable<StateView['capability']>;

/** Per state, per year, the figures of the first row listed (as a scan would find it), without state, year and source. */
const capabilityIndex = new WeakMap<Scenario, Map<string, Map<number, CapabilityFigures>>>();

/**
 * The capability of a state in a year. Indexed once per scenario object by state and year: a
 * full-history import holds some 14,000 rows, looked up for every state on every day asked for.
 * The figures are shared between the worlds of one scenario; nothing writes to them.
 */
export function capabilityOf(scenario: Scenario, state: string, year: number): CapabilityFigures | undefined {
  let index = capabilityIndex.get(scenario);
  if (!index) {
    index = new Map();
    for (const row of scenario.capabilities) {
      const years = index.get(row.state) ?? new Map<number, CapabilityFigures>();
      index.set(row.state, years);
      if (years.has(row.year)) continue;
      const { state: _s, year: _y, source: _src, ...figures } = row as Capability;
      years.set(row.year, figures);
    }
    capabilityIndex.set(scenario, index);
  }
  return index.get(state)?.get(year);
}

/** The states and entities existing on the day, sorted by id; `territories` those of the day. Pure. */
export function statesOn(scenario: Scenario, day: Day, existing: Set<string>, territories: TerritoryView[]): StateView[] {
  const year = yearOf(day);
  const seasOf = new Map<string, Set<string>>();
  for (const t of territories) for (const sea of t.seas) seasOf.set(t.controller, (seasOf.get(t.controller) ?? new Set()).add(sea));
  const views: StateView[] = [];
  for (const a of scenario.actors) {
    if (!existing.has(a.id)) continue;
    views.push({
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
      capability: capabilityOf(scenario, a.id, year),
      effectiveness: scenario.effectiveness.find((e) => e.state === a.id && inInterval(day, e))?.factor ?? 1,
    });
  }
  return views.sort(byId);
}
