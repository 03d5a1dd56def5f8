/**
 * ATOP coverage of a scenario: every ATOP 4.01 alliance in force at some time within the
 * scenario's span among at least two of its states is either included (a treaty carries its
 * `atop:` id) or omitted (an `omissions:` entry of dataset "ATOP 4.01" gives the reason), and
 * the parties of an included alliance match ATOP's members or the difference is explained, and its
 * provisions carry every obligation ATOP codes for it within the span.
 *
 * `casus audit atop` prints it (src/cli/commands/audit.ts), with the variable-by-variable
 * comparison of ./atop-coding.ts.
 */
import { ATOP_OBLIGATIONS, type AtopMemberRow } from '../data/atop.js';
import type { Day, Interval } from '../model/day.js';
import type { Omission, ProvisionKind, Scenario, Treaty } from '../model/schema.js';

/** The dataset name omissions use. */
export const ATOP_DATASET = 'ATOP 4.01';

/** The scenario's provision kinds that carry each obligation ATOP codes. */
export const KINDS_OF_OBLIGATION: Record<(typeof ATOP_OBLIGATIONS)[number], ProvisionKind[]> = {
  defense: ['defence', 'guarantee'],
  offense: ['offence'],
  neutral: ['neutrality'],
  nonagg: ['nonaggression'],
  consul: ['consultation'],
};

/** A member of an ATOP alliance, with the scenario actor of the same COW code if there is one. */
export interface AtopMember {
  ccode: number;
  actor?: string | undefined;
  entry: Day;
  exit?: Day | undefined;
}

/** A difference between ATOP's members and the scenario's parties, with its explanation if any. */
export interface PartyDifference {
  /** `atop-only`: an ATOP member the scenario's treaties leave out; `scenario-only`: a party ATOP does not list. */
  side: 'atop-only' | 'scenario-only';
  ccode?: number | undefined;
  actor?: string | undefined;
  explanation?: string | undefined;
}

/** How one in-scope alliance is covered. */
export interface AllianceCoverage {
  atopid: number;
  entry: Day;
  exit?: Day | undefined;
  members: AtopMember[];
  status: 'included' | 'omitted' | 'missing';
  /** Treaties carrying this ATOP id. */
  treaties: string[];
  /** Name: the first treaty's, else the omission's. */
  name?: string | undefined;
  omission?: Omission | undefined;
  differences: PartyDifference[];
  /** Obligations ATOP codes within the span (defense, offense, neutral, nonagg, consul) that no provision of the included treaties carries. */
  obligationsMissing: string[];
  /** Included, but no treaty is in force during ATOP's interval within the span. */
  disjoint: boolean;
}

export interface CoverageReport {
  window: Interval & { from: Day; until: Day };
  /** Alliances in force within the window with at least two members that are scenario states. */
  alliances: AllianceCoverage[];
  /** Alliances in force within the window with fewer than two scenario members: not among scenario states. */
  outOfScope: { atopid: number; members: number[]; scenarioMembers: string[] }[];
  /** Treaties whose `atop:` id names no in-scope alliance. */
  strayTreaties: { treaty: string; atop: number; why: string }[];
  /** ATOP omissions that name no in-scope alliance (or member of one). */
  strayOmissions: Omission[];
}

/** The omission id that explains why member `who` (a COW code or actor id) of alliance `atopid` differs. */
export function memberOmissionId(atopid: number, who: number | string): string {
  return `${atopid}/member/${who}`;
}

const overlaps = (a: { from: Day; until?: Day | undefined }, b: { from: Day; until?: Day | undefined }) =>
  (b.until === undefined || a.from < b.until) && (a.until === undefined || b.from < a.until);

const treatyInterval = (t: Treaty) => ({ from: t.inForce ?? t.signed, until: t.until });

/**
 * Coverage of ATOP's alliances by a scenario, from ATOP's member-level rows. Pure; throws nothing.
 * Actors are matched to ATOP members by their COW code (`ccode`).
 */
export function atopCoverage(scenario: Scenario, rows: readonly AtopMemberRow[]): CoverageReport {
  const window = { from: scenario.span.from, until: scenario.span.until };
  const actorOf = new Map<number, string>();
  for (const a of scenario.actors) if (a.ccode !== undefined) actorOf.set(a.ccode, a.id);
  const ccodeOf = new Map(scenario.actors.map((a) => [a.id, a.ccode]));
  const omissions = scenario.omissions.filter((o) => o.dataset === ATOP_DATASET);
  const omissionById = new Map(omissions.map((o) => [o.id, o]));
  const used = new Set<Omission>();

  const byAlliance = new Map<number, AtopMemberRow[]>();
  for (const row of rows) byAlliance.set(row.atopid, [...(byAlliance.get(row.atopid) ?? []), row]);

  const alliances: AllianceCoverage[] = [];
  const outOfScope: CoverageReport['outOfScope'] = [];
  for (const [atopid, allRows] of [...byAlliance].sort(([a], [b]) => a - b)) {
    const live = allRows.filter((r) => overlaps({ from: r.entry, until: r.exit }, window));
    if (live.length === 0) continue;
    const members = membersOf(live, actorOf);
    const scenarioMembers = members.filter((m) => m.actor !== undefined);
    if (scenarioMembers.length < 2) {
      outOfScope.push({ atopid, members: members.map((m) => m.ccode), scenarioMembers: scenarioMembers.map((m) => m.actor!) });
      continue;
    }
    const entry = allRows.map((r) => r.entry).sort()[0]!;
    const exits = allRows.map((r) => r.exit);
    const exit = exits.includes(undefined) ? undefined : (exits as Day[]).sort().at(-1);
    const treaties = scenario.treaties.filter((t) => t.atop === atopid);
    const omission = omissionById.get(String(atopid));
    if (omission) used.add(omission);
    const differences = treaties.length ? partyDifferences(atopid, members, treaties, ccodeOf, omissionById, used) : [];
    const clipped = { from: entry > window.from ? entry : window.from, until: exit !== undefined && exit < window.until ? exit : window.until };
    alliances.push({
      atopid,
      entry,
      exit,
      members,
      status: treaties.length ? 'included' : omission ? 'omitted' : 'missing',
      treaties: treaties.map((t) => t.id),
      name: treaties[0]?.name ?? omission?.name,
      omission,
      differences,
      obligationsMissing: treaties.length ? obligationsMissing(live, treaties) : [],
      disjoint: treaties.length > 0 && !treaties.some((t) => overlaps(treatyInterval(t), clipped)),
    });
  }

  const inScope = new Set(alliances.map((a) => a.atopid));
  const known = new Set(byAlliance.keys());
  const strayTreaties = scenario.treaties
    .filter((t) => t.atop !== undefined && !inScope.has(t.atop))
    .map((t) => ({ treaty: t.id, atop: t.atop!, why: known.has(t.atop!) ? 'the alliance is not in force among scenario states within the span' : 'no such ATOP alliance' }));
  return { window, alliances, outOfScope, strayTreaties, strayOmissions: omissions.filter((o) => !used.has(o)) };
}

function obligationsMissing(rows: readonly AtopMemberRow[], treaties: readonly Treaty[]): string[] {
  const kinds = new Set(treaties.flatMap((t) => t.provisions.map((p) => p.kind)));
  return ATOP_OBLIGATIONS.filter((o) => rows.some((r) => r[o] === 1) && !KINDS_OF_OBLIGATION[o].some((k) => kinds.has(k)));
}

function membersOf(rows: readonly AtopMemberRow[], actorOf: Map<number, string>): AtopMember[] {
  const spans = new Map<number, AtopMember>();
  for (const r of rows) {
    const seen = spans.get(r.member);
    const exit = seen === undefined ? r.exit : seen.exit === undefined || r.exit === undefined ? undefined : seen.exit > r.exit ? seen.exit : r.exit;
    spans.set(r.member, { ccode: r.member, actor: actorOf.get(r.member), entry: seen && seen.entry < r.entry ? seen.entry : r.entry, exit });
  }
  return [...spans.values()].sort((a, b) => a.ccode - b.ccode);
}

function partyDifferences(
  atopid: number,
  members: AtopMember[],
  treaties: Treaty[],
  ccodeOf: Map<string, number | undefined>,
  omissionById: Map<string, Omission>,
  used: Set<Omission>,
): PartyDifference[] {
  const parties = new Set(treaties.flatMap((t) => t.parties.map((p) => (typeof p === 'string' ? p : p.state))));
  const explainedBy = (who: number | string) => {
    const omission = omissionById.get(memberOmissionId(atopid, who));
    if (omission) used.add(omission);
    return omission?.reason;
  };
  const differences: PartyDifference[] = [];
  for (const m of members) {
    if (m.actor !== undefined && parties.has(m.actor)) continue;
    const explanation = m.actor === undefined ? `COW ${m.ccode} is not a scenario state` : explainedBy(m.ccode) ?? explainedBy(m.actor);
    differences.push({ side: 'atop-only', ccode: m.ccode, actor: m.actor, explanation });
  }
  const memberCodes = new Set(members.map((m) => m.ccode));
  for (const party of [...parties].sort()) {
    const ccode = ccodeOf.get(party);
    if (ccode !== undefined && memberCodes.has(ccode)) continue;
    const explanation = ccode === undefined ? `${party} is not in the COW state system, which ATOP codes` : explainedBy(ccode) ?? explainedBy(party);
    differences.push({ side: 'scenario-only', ccode, actor: party, explanation });
  }
  return differences;
}

/** True when every in-scope alliance is covered, every difference explained, nothing stray. Pure. */
export function isComplete(report: CoverageReport): boolean {
  return (
    report.alliances.every((a) => a.status !== 'missing' && !a.disjoint && a.obligationsMissing.length === 0 && a.differences.every((d) => d.explanation !== undefined)) &&
    report.strayTreaties.length === 0 &&
    report.strayOmissions.length === 0
  );
}

/** The report as lines for a person. Pure. */
export function describeCoverage(report: CoverageReport): string[] {
  const count = (status: AllianceCoverage['status']) => report.alliances.filter((a) => a.status === status).length;
  const who = (m: AtopMember) => m.actor ?? `COW ${m.ccode}`;
  const lines = [`ATOP 4.01 alliances in force between ${report.window.from} and ${report.window.until} (exclusive) among scenario states: ${report.alliances.length}`, ''];
  for (const a of report.alliances) {
    const where = a.status === 'included' ? a.treaties.join(', ') : a.status === 'omitted' ? 'omitted' : 'MISSING';
    lines.push(`${String(a.atopid).padEnd(5)} ${a.entry} → ${a.exit ?? '…'}  ${a.members.map(who).join(' ').padEnd(24)} ${a.status.padEnd(8)} ${where}`);
    for (const d of a.differences) {
      lines.push(`        ${d.side === 'atop-only' ? 'ATOP member not a party' : 'party not an ATOP member'}: ${d.actor ?? `COW ${d.ccode}`} — ${d.explanation ?? 'UNEXPLAINED'}`);
    }
    if (a.obligationsMissing.length) lines.push(`        ATOP OBLIGATIONS NO PROVISION CARRIES: ${a.obligationsMissing.join(', ')}`);
    if (a.disjoint) lines.push('        NO TREATY IN FORCE DURING ATOP\'S INTERVAL');
    if (a.omission) lines.push(`        reason: ${a.omission.reason}`);
  }
  lines.push('', `included ${count('included')}, omitted ${count('omitted')}, missing ${count('missing')}`);
  const differences = report.alliances.flatMap((a) => a.differences);
  lines.push(`party differences: ${differences.length} (${differences.filter((d) => d.explanation === undefined).length} unexplained)`);
  lines.push(`not among scenario states (fewer than two members in the scenario): ${report.outOfScope.length}`);
  for (const o of report.outOfScope) lines.push(`${String(o.atopid).padEnd(5)} members COW ${o.members.join(', ')}; in the scenario: ${o.scenarioMembers.join(', ') || 'none'}`);
  for (const s of report.strayTreaties) lines.push(`stray treaty ${s.treaty} (ATOP ${s.atop}): ${s.why}`);
  for (const o of report.strayOmissions) lines.push(`stray omission ${o.id}: names no in-scope alliance or member`);
  lines.push(isComplete(report) ? 'complete' : 'INCOMPLETE');
  return lines;
}
