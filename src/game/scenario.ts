/**
 * The player's moves as changes to the scenario: new treaties and transit grants go through the
 * simulator's counterfactual overlays (src/sim/overlay.ts); what overlays do not express (a treaty
 * ending on notice, joining or leaving the League, a change of readiness) is edited on the
 * overlay's copy the same way. The result is checked like any scenario. Pure.
 */
import { addYears, type Day } from '../model/day.js';
import { formatPath, QueryError } from '../model/errors.js';
import type { Effectiveness, Scenario, Treaty } from '../model/schema.js';
import { checkScenario } from '../model/validate.js';
import { applyOverlay, type Change } from '../sim/overlay.js';

/** One accepted change, in the order the moves made them. */
export type GameChange =
  | { op: 'add-treaty'; treaty: Treaty }
  | { op: 'end-treaty'; treaty: string; denounced: Day; until: Day }
  | { op: 'grant-transit'; grantor: string; grantee: string; from: Day }
  | { op: 'join-league'; state: string; from: Day }
  | { op: 'leave-league'; state: string; notice: Day }
  | { op: 'readiness'; state: string; from: Day; multiplier: number };

const PLAYED = { parameter: 'casus play: a move of the player (docs/game.md)' };

/** The scenario with the changes made. Returns `base` itself when there are none. Throws QueryError when a change breaks the scenario. Pure. */
export function scenarioWith(base: Scenario, changes: readonly GameChange[]): Scenario {
  if (!changes.length) return base;
  const overlayChanges: Change[] = changes.flatMap((c): Change[] =>
    c.op === 'add-treaty' ? [{ op: 'add-treaty', treaty: c.treaty }] : c.op === 'grant-transit' ? [{ op: 'grant-transit', grantor: c.grantor, grantee: c.grantee, from: c.from }] : [],
  );
  const s = overlayChanges.length ? applyOverlay(base, { id: 'play', title: 'the moves of a game', changes: overlayChanges }) : (structuredClone(base) as Scenario);
  for (const c of changes) {
    if (c.op === 'end-treaty') endTreaty(s, c.treaty, c.denounced, c.until);
    if (c.op === 'join-league') joinLeague(s, c.state, c.from);
    if (c.op === 'leave-league') leaveLeague(s, c.state, c.notice);
  }
  const readiness = changes.filter((c): c is Extract<GameChange, { op: 'readiness' }> => c.op === 'readiness');
  if (readiness.length) s.effectiveness = withReadiness(s.effectiveness, readiness[0]!.state, readiness);
  const problems = checkScenario(s);
  if (problems.length) throw new QueryError(`the moves leave the scenario invalid:\n${problems.slice(0, 5).map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`);
  return s;
}

/** The League of a scenario: its organization of kind `league`. Pure. */
export function leagueOf(s: Scenario) {
  return s.organizations.find((o) => o.kind === 'league');
}

function endTreaty(s: Scenario, id: string, denounced: Day, until: Day): void {
  const treaty = s.treaties.find((t) => t.id === id);
  if (!treaty) throw new QueryError(`no treaty "${id}" to end`);
  treaty.denounced = treaty.denounced !== undefined && treaty.denounced < denounced ? treaty.denounced : denounced;
  if (treaty.until === undefined || until < treaty.until) treaty.until = until;
}

function joinLeague(s: Scenario, state: string, from: Day): void {
  const league = leagueOf(s);
  if (!league) throw new QueryError(`scenario "${s.id}" has no League to join`);
  const later = league.memberships.filter((m) => m.member === state && m.from !== undefined && m.from > from).sort((a, b) => a.from!.localeCompare(b.from!))[0];
  if (later) later.from = from; // joins earlier than it did
  else league.memberships.push({ member: state, from, source: PLAYED });
}

function leaveLeague(s: Scenario, state: string, notice: Day): void {
  const league = leagueOf(s)!;
  const current = league.memberships.find((m) => m.member === state && (m.from === undefined || m.from <= notice) && (m.until === undefined || notice < m.until));
  if (!current) throw new QueryError(`${state} is not a member of ${league.id} on ${notice}`);
  const ends = addYears(notice, league.withdrawal?.noticeYears ?? 0);
  current.notice = notice;
  if (current.until === undefined || ends < current.until) current.until = ends;
  // Memberships that would begin after it has left (a later admission on the record) are not the player's.
  league.memberships = league.memberships.filter((m) => !(m.member === state && m.from !== undefined && m.from > notice));
}

/**
 * The effectiveness spells with the player's readiness applied: from each change's day its
 * multiplier scales the recorded factor (or 1 where none is recorded), capped at the schema's 2.
 * Later changes replace earlier ones; each is relative to the record, not to the previous level. Pure.
 */
export function withReadiness(spells: readonly Effectiveness[], state: string, changes: readonly { from: Day; multiplier: number }[]): Effectiveness[] {
  const steps = [...changes].sort((a, b) => a.from.localeCompare(b.from));
  const others = spells.filter((e) => e.state !== state);
  const mine = spells.filter((e) => e.state === state);
  const segments = steps.map((c, i) => ({ from: c.from, until: steps[i + 1]?.from, m: c.multiplier }));
  const out: Effectiveness[] = [];
  const first = steps[0]!.from;
  for (const e of mine) {
    if (e.until !== undefined && e.until <= first) out.push(e);
    else if (e.from === undefined || e.from < first) out.push({ ...e, until: first });
  }
  for (const seg of segments) {
    // Recorded spells cut to the segment, scaled; the gaps between them get the multiplier alone.
    let cursor: Day | undefined = seg.from;
    const inside = mine
      .map((e) => ({ e, from: max(e.from, seg.from), until: min(e.until, seg.until) }))
      .filter((x) => x.until === undefined || x.from < x.until)
      .filter((x) => x.e.until === undefined || x.e.until > seg.from)
      .filter((x) => seg.until === undefined || x.e.from === undefined || x.e.from < seg.until)
      .sort((a, b) => a.from.localeCompare(b.from));
    for (const x of inside) {
      if (cursor !== undefined && cursor < x.from && seg.m !== 1) out.push(gap(state, cursor, x.from, seg.m));
      out.push({ ...x.e, from: x.from, ...(x.until !== undefined ? { until: x.until } : {}), factor: Math.min(2, x.e.factor * seg.m), note: `readiness ×${seg.m} on the record` });
      if (x.until === undefined) delete (out[out.length - 1] as { until?: Day }).until;
      cursor = x.until;
    }
    if (cursor !== undefined && (seg.until === undefined || cursor < seg.until) && seg.m !== 1) out.push(gap(state, cursor, seg.until, seg.m));
  }
  return [...others, ...out];
}

function gap(state: string, from: Day, until: Day | undefined, m: number): Effectiveness {
  return { state, from, ...(until !== undefined ? { until } : {}), factor: Math.min(2, m), note: `readiness ×${m}`, source: PLAYED };
}

const max = (a: Day | undefined, b: Day): Day => (a === undefined || a < b ? b : a);
const min = (a: Day | undefined, b: Day | undefined): Day | undefined => (a === undefined ? b : b === undefined ? a : a < b ? a : b);
