/**
 * The scenario's treaties compared with ATOP 4.01, variable by variable: for every covered
 * alliance, member and phase in force within the scenario's span, the entry and exit days, the
 * five obligations and every condition ATOP codes, each against what casus's provisions hold.
 * A disagreement stands only with a justification in the scenario's `atopCoding` list, which names
 * the text that makes casus's coding right.
 *
 * How casus's side is read (pure functions of the scenario):
 * - A member takes on an obligation when a provision of the matching kind (KINDS_OF_OBLIGATION)
 *   obliges it: named in `obliged`, or a party when `obliged` is omitted.
 * - A condition variable (`defcoadv`, `neucoatt` …) is 1 when such a provision carries the
 *   condition type CONDITION_OF_SUFFIX gives, with or without a reading. Suffixes casus has no
 *   condition for (`cocon`, a named ongoing conflict; `coreq`, consultation on request) are always 0.
 * - `specthrt` is 1 when a provision names an adversary; `secrart` is 1 when the treaty is secret
 *   or a provision is a secret protocol. ATOP's category codes for both (which kind of threat, which
 *   kind of secret article) are compared as "any": 0 against not 0.
 * - Entry is the member's first day (its party `from`, else the earliest signature); exit its
 *   last (party `until`, else the treaty's), both against ATOP's first entry and last exit of the
 *   member. Exits on or after the span's end agree: the scenario says nothing beyond it.
 * - A phase is compared with the alliance's treaties in force during it (all of them when none is).
 */
import { ATOP_OBLIGATIONS, type AtopMemberRow } from '../data/atop.js';
import type { Day } from '../model/day.js';
import type { AtopCoding, Condition, Provision, Scenario, Treaty } from '../model/schema.js';
import { KINDS_OF_OBLIGATION, type CoverageReport } from './atop-coverage.js';

/** ATOP's prefix of each obligation's condition variables, and the obligation it qualifies. */
const PREFIXES = { def: 'defense', off: 'offense', neu: 'neutral', con: 'consul' } as const;

/** The casus condition that carries each ATOP condition suffix; null: casus has none. */
export const CONDITION_OF_SUFFIX: Record<string, Condition['type'] | null> = {
  coadv: 'adversary',
  coloc: 'location',
  cocon: null,
  conum: 'attackers',
  codem: 'demand',
  conpr: 'unprovoked',
  coatt: 'partner-attacked',
  coreq: null,
};

/** Every condition variable compared, in ATOP's order. */
export const ATOP_CONDITION_VARIABLES = [
  'defcoadv', 'defcoloc', 'defcocon', 'defconum', 'defcodem', 'defconpr',
  'offcoadv', 'offcoloc', 'offcocon', 'offconum', 'offcodem',
  'neucoadv', 'neucoloc', 'neucocon', 'neuconum', 'neucodem', 'neuconpr', 'neucoatt',
  'concoadv', 'concoloc', 'concocon', 'concoreq',
] as const;

/** Every variable compared for a member and phase. */
export const ATOP_COMPARED = ['entry', 'exit', ...ATOP_OBLIGATIONS, ...ATOP_CONDITION_VARIABLES, 'specthrt', 'secrart'] as const;

export type Value = number | string;

/** One variable of one member and phase: ATOP's value and casus's. */
export interface Comparison {
  treaty: string;
  atopid: number;
  member: string;
  phase: number;
  variable: string;
  atop: Value;
  casus: Value;
}

export interface Disagreement extends Comparison {
  /** The scenario's justification, or null when there is none. */
  justification: string | null;
}

export interface CodingReport {
  span: { from: Day; until: Day };
  /** Alliances in force within the span among scenario states. */
  alliances: number;
  covered: number;
  excluded: { atopid: number; reason: string }[];
  compared: number;
  agreements: number;
  disagreements: Disagreement[];
  unjustified: number;
  /** Justifications that match no disagreement: stale, or naming nothing. */
  strayJustifications: AtopCoding[];
}

const partyId = (p: Treaty['parties'][number]) => (typeof p === 'string' ? p : p.state);

/** Whether `member` is bound by a provision. */
function obliges(t: Treaty, p: Provision, member: string): boolean {
  return p.obliged ? p.obliged.includes(member) : t.parties.some((x) => partyId(x) === member);
}

/** The member's days in a treaty: its party interval, else the treaty's. */
function daysIn(t: Treaty, member: string): { from: Day; until: Day | undefined } {
  const party = t.parties.find((x) => partyId(x) === member);
  const own = typeof party === 'object' ? party : undefined;
  return { from: own?.from ?? t.signed, until: own?.until ?? t.until };
}

/** casus's value of an obligation or condition variable for a member, from the treaties of a phase. Pure. */
export function casusValue(treaties: readonly Treaty[], member: string, variable: string): number {
  const provisions = treaties.flatMap((t) => t.provisions.filter((p) => obliges(t, p, member)));
  if (variable in KINDS_OF_OBLIGATION) {
    const kinds = KINDS_OF_OBLIGATION[variable as keyof typeof KINDS_OF_OBLIGATION];
    return provisions.some((p) => kinds.includes(p.kind)) ? 1 : 0;
  }
  if (variable === 'specthrt') return treaties.some((t) => t.provisions.some((p) => p.conditions.some((c) => c.type === 'adversary'))) ? 1 : 0;
  if (variable === 'secrart') return treaties.some((t) => t.secret || t.provisions.some((p) => p.conditions.some((c) => c.type === 'secret-protocol'))) ? 1 : 0;
  const prefix = variable.slice(0, 3) as keyof typeof PREFIXES;
  const type = CONDITION_OF_SUFFIX[variable.slice(3)];
  if (!(prefix in PREFIXES) || type === undefined) throw new RangeError(`"${variable}" is not an ATOP variable the audit compares`);
  if (type === null) return 0;
  const kinds = KINDS_OF_OBLIGATION[PREFIXES[prefix]];
  return provisions.some((p) => kinds.includes(p.kind) && p.conditions.some((c) => c.type === type)) ? 1 : 0;
}

const overlaps = (a: { from: Day; until?: Day | undefined }, b: { from: Day; until?: Day | undefined }) =>
  (b.until === undefined || a.from < b.until) && (a.until === undefined || b.from < a.until);

/** Every comparison for one covered alliance. Pure. */
export function compareAlliance(scenario: Scenario, atopid: number, rows: readonly AtopMemberRow[]): Comparison[] {
  const span = scenario.span;
  const clip = (d: Day | undefined): Day => (d === undefined || d > span.until ? span.until : d);
  const actorOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const treaties = scenario.treaties.filter((t) => t.atop === atopid);
  const live = rows.filter((r) => r.atopid === atopid && overlaps({ from: r.entry, until: r.exit }, span));
  const out: Comparison[] = [];
  for (const member of [...new Set(live.map((r) => r.member))].sort((a, b) => a - b)) {
    const id = actorOf.get(member);
    const own = treaties.filter((t) => t.parties.some((p) => partyId(p) === id));
    // A member that is not a scenario party is the coverage audit's concern (explained there).
    if (id === undefined || own.length === 0) continue;
    const memberRows = live.filter((r) => r.member === member).sort((a, b) => a.phase - b.phase);
    const allRows = rows.filter((r) => r.atopid === atopid && r.member === member);
    const days = own.map((t) => daysIn(t, id));
    const first = own[days.indexOf(days.reduce((a, b) => (b.from < a.from ? b : a)))]!.id;
    const push = (treaty: string, phase: number, variable: string, atop: Value, casus: Value) => out.push({ treaty, atopid, member: id, phase, variable, atop, casus });
    push(first, memberRows[0]!.phase, 'entry', allRows.map((r) => r.entry).sort()[0]!, days.map((d) => d.from).sort()[0]!);
    const atopExit = allRows.some((r) => r.exit === undefined) ? span.until : clip(allRows.map((r) => r.exit!).sort().at(-1));
    const casusExit = days.some((d) => d.until === undefined) ? span.until : clip(days.map((d) => d.until!).sort().at(-1));
    push(own.at(-1)!.id, memberRows.at(-1)!.phase, 'exit', atopExit, casusExit);
    for (const r of memberRows) {
      const during = own.filter((t) => overlaps(daysIn(t, id), { from: r.entry, until: r.exit }));
      const phaseTreaties = during.length ? during : own;
      for (const variable of ATOP_COMPARED.slice(2)) {
        const atop = r[variable as keyof AtopMemberRow] as number | undefined;
        push(phaseTreaties[0]!.id, r.phase, variable, atop ?? 0, casusValue(phaseTreaties, id, variable));
      }
    }
  }
  return out;
}

/** Whether ATOP's and casus's values agree: days exactly, codes as "any" (0 against not 0). */
export function agrees(c: Pick<Comparison, 'atop' | 'casus'>): boolean {
  return typeof c.atop === 'number' && typeof c.casus === 'number' ? c.atop > 0 === c.casus > 0 : c.atop === c.casus;
}

/** Whether a justification covers a disagreement: same treaty, alliance, variable, member (or any) and values. */
export function justifies(j: AtopCoding, d: Comparison): boolean {
  return j.treaty === d.treaty && j.atop === d.atopid && j.variable === d.variable && (j.member === undefined || j.member === d.member) && j.atopValue === d.atop && j.casusValue === d.casus;
}

/** The whole comparison of a scenario with ATOP's member rows, given the coverage report. Pure. */
export function atopCoding(scenario: Scenario, rows: readonly AtopMemberRow[], coverage: CoverageReport): CodingReport {
  const covered = coverage.alliances.filter((a) => a.status === 'included');
  const comparisons = covered.flatMap((a) => compareAlliance(scenario, a.atopid, rows));
  const used = new Set<AtopCoding>();
  const disagreements: Disagreement[] = comparisons
    .filter((c) => !agrees(c))
    .map((c) => {
      const j = scenario.atopCoding.find((x) => justifies(x, c));
      if (j) used.add(j);
      return { ...c, justification: j?.justification ?? null };
    });
  return {
    span: { from: scenario.span.from, until: scenario.span.until },
    alliances: coverage.alliances.length,
    covered: covered.length,
    excluded: coverage.alliances.filter((a) => a.status !== 'included').map((a) => ({ atopid: a.atopid, reason: a.omission?.reason ?? 'neither covered nor excluded' })),
    compared: comparisons.length,
    agreements: comparisons.length - disagreements.length,
    disagreements,
    unjustified: disagreements.filter((d) => d.justification === null).length,
    strayJustifications: scenario.atopCoding.filter((j) => !used.has(j)),
  };
}

/** The comparison for a person. Pure. */
export function describeCoding(r: CodingReport): string[] {
  const lines = [
    `ATOP 4.01 coding, ${r.span.from} to ${r.span.until} (exclusive): ${r.alliances} alliances among scenario states, ${r.covered} covered, ${r.excluded.length} excluded`,
    ...r.excluded.map((e) => `  excluded ${e.atopid}: ${e.reason}`),
    `compared ${r.compared} values (member, phase, variable): ${r.agreements} agree, ${r.disagreements.length} disagree, ${r.unjustified} unjustified`,
  ];
  for (const d of r.disagreements) {
    lines.push(`  ${String(d.atopid).padEnd(5)} ${d.treaty} ${d.member} phase ${d.phase} ${d.variable}: ATOP ${d.atop}, casus ${d.casus} — ${d.justification ?? 'UNJUSTIFIED'}`);
  }
  for (const j of r.strayJustifications) lines.push(`  stray justification: ${j.treaty} (ATOP ${j.atop}) ${j.member ?? 'every member'} ${j.variable} ${j.atopValue}/${j.casusValue} matches no disagreement`);
  return lines;
}
