/** The scenario as a dated list: its events, and the treaty and membership milestones its facts imply. */
import type { Day } from '../model/day.js';
import type { Scenario, Sources } from '../model/schema.js';
import { membershipEnd, treatyStart } from './world.js';

export interface TimelineEntry {
  date: Day;
  /** An event kind, or `treaty-signed`, `treaty-in-force`, `treaty-denounced`, `treaty-superseded`, `treaty-ended`, `joins`, `notice`, `leaves`. */
  kind: string;
  title: string;
  /** Id of the event, treaty or organization the entry comes from. */
  ref: string;
  actors: string[];
  excluded?: string[] | undefined;
  source?: Sources | undefined;
}

/** Entries with `from <= date < until` (either end open), sorted by date then kind then ref. Pure. */
export function timelineOf(scenario: Scenario, from?: Day, until?: Day): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const e of scenario.events) {
    entries.push({ date: e.date, kind: e.kind, title: e.title, ref: e.id, actors: [...e.actors, ...e.targets], excluded: e.excluded.length ? e.excluded : undefined, source: e.source });
  }
  for (const t of scenario.treaties) {
    const parties = t.parties.map((p) => (typeof p === 'string' ? p : p.state));
    const milestone = (date: Day | undefined, kind: string, verb: string) => {
      if (date !== undefined) entries.push({ date, kind, title: `${t.name} ${verb}`, ref: t.id, actors: parties, source: t.source });
    };
    milestone(t.signed, 'treaty-signed', 'signed');
    if (treatyStart(t) !== t.signed) milestone(treatyStart(t), 'treaty-in-force', 'enters into force');
    milestone(t.denounced, 'treaty-denounced', 'denounced');
    milestone(t.until, 'treaty-ended', 'ends');
    // A later treaty replaces it between the states party to both, from its own entry into force.
    for (const later of scenario.treaties.filter((x) => x.supersedes?.includes(t.id))) {
      const between = later.parties.map((p) => (typeof p === 'string' ? p : p.state));
      milestone(treatyStart(later), 'treaty-superseded', `superseded between ${between.join(', ')} by ${later.name}`);
    }
  }
  for (const o of scenario.organizations) {
    for (const m of o.memberships) {
      const milestone = (date: Day | undefined, kind: string, verb: string) => {
        if (date !== undefined) entries.push({ date, kind, title: `${m.member} ${verb} ${o.name}`, ref: o.id, actors: [m.member], source: m.source });
      };
      milestone(m.from, 'joins', 'joins');
      milestone(m.notice, 'notice', 'gives notice of withdrawal from');
      milestone(membershipEnd(m, o), 'leaves', 'leaves');
    }
  }
  return entries
    .filter((e) => (from === undefined || from <= e.date) && (until === undefined || e.date < until))
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.ref.localeCompare(b.ref) || a.title.localeCompare(b.title));
}
