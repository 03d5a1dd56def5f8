/** The days on which a scenario's world changes: where timelines and atlases need to look. */
import { addYears, inInterval, type Day } from '../model/day.js';
import type { Scenario } from '../model/schema.js';
import { membershipEnd, treatyStart } from './world.js';

/**
 * Every day inside the span on which some fact starts or ends, plus each 1 January
 * (capabilities are yearly) and the span's first day; sorted, without repeats. Pure.
 */
export function changeDays(scenario: Scenario): Day[] {
  const days = new Set<Day>([scenario.span.from]);
  const add = (...candidates: (Day | undefined)[]) => {
    for (const day of candidates) if (day !== undefined) days.add(day);
  };
  for (const a of scenario.actors) {
    for (const spell of [...a.exists, ...a.regimes, ...a.leaders, ...a.lines, ...a.dependencies]) add(spell.from, spell.until);
  }
  for (const t of scenario.territories) for (const c of t.control) add(c.from, c.until);
  for (const a of scenario.adjacency) add(a.from, a.until);
  for (const o of scenario.organizations) {
    add(o.founded);
    for (const m of o.memberships) add(m.from, m.notice, membershipEnd(m, o));
  }
  for (const t of scenario.treaties) {
    add(t.signed, treatyStart(t), t.denounced, t.until);
    for (const p of t.parties) if (typeof p !== 'string') add(p.from, p.until);
    for (const p of t.provisions) add(p.from, p.until);
  }
  for (const t of scenario.transit) add(t.from, t.until);
  for (const e of scenario.effectiveness) add(e.from, e.until);
  for (let year = scenario.span.from; year < scenario.span.until; year = addYears(year, 1)) add(`${year.slice(0, 4)}-01-01`);
  return [...days].filter((day) => inInterval(day, scenario.span)).sort();
}
