/**
 * ATOP (member and alliance level) into casus treaties: one treaty per alliance or phase, one
 * provision per obligation kind with the members that take it on, ATOP's conditions as casus
 * conditions where they can be expressed and as notes where not. The mapping is documented in
 * docs/atop-mapping.md.
 */
import type { Day } from '../model/day.js';
import type { Condition, Omission, Provision, ProvisionKind, Treaty } from '../model/schema.js';
import { ATOP_OBLIGATIONS, type AtopAllianceRow, type AtopMemberRow } from './atop.js';
import { skip, type Skipped } from './csv.js';
import { overlaps, REFS } from './import-refs.js';

/** ATOP conditions a provision carries that casus cannot express: treaty id → provision id → ATOP columns. */
export type Unexpressed = Record<string, Record<string, string[]>>;

/** ATOP's obligation columns and the casus provision kinds they become. */
export const OBLIGATION_KINDS: Record<(typeof ATOP_OBLIGATIONS)[number], ProvisionKind> = {
  defense: 'defence',
  offense: 'offence',
  neutral: 'neutrality',
  nonagg: 'nonaggression',
  consul: 'consultation',
};

/** Column prefix of each obligation's conditions. */
const PREFIX = { defense: 'def', offense: 'off', neutral: 'neu', nonagg: undefined, consul: 'con' } as const;

/** ATOP condition columns casus cannot express as a condition (kept as a note on the provision), with what they mean. */
export const NOT_EXPRESSED: Record<string, string> = {
  coloc: 'only in a named location (ATOP does not say which in its data files)',
  cocon: 'only in a specific conflict (war environment)',
  conum: 'only against a number of adversaries',
  codem: 'only on non-compliance with a demand',
  coreq: 'only on request',
  coadv: 'only against a specific adversary that ATOP does not name (statthr1/statthr2 empty)',
};

/**
 * One treaty per ATOP alliance, or one per phase when the obligations change between phases
 * (ATOP codes phases from 1; single-phase alliances are phase 0).
 */
export function treatiesOf(
  members: AtopMemberRow[],
  alliances: AtopAllianceRow[],
  span: { from: Day; until: Day },
  abbrevOf: Map<number, string>,
  skipped: Skipped,
  notExpressed: Skipped,
  unexpressed: Unexpressed,
): { treaties: Treaty[]; omissions: Omission[] } {
  const groups = new Map<string, AtopMemberRow[]>();
  for (const m of members) {
    const key = `${m.atopid}:${m.phase}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  const allianceBegin = new Map(alliances.map((a) => [a.atopid, a.entry]));
  const treaties: Treaty[] = [];
  const omissions: Omission[] = [];
  for (const rows of groups.values()) {
    const { atopid, phase } = rows[0]!;
    const entry = rows.map((r) => r.entry).sort()[0]!;
    const exits = rows.map((r) => r.exit);
    const exit = exits.some((e) => e === undefined) ? undefined : (exits as Day[]).sort().at(-1);
    const id = phase > 0 ? `ATOP-${atopid}-p${phase}` : `ATOP-${atopid}`;
    if (!overlaps({ from: entry, until: exit ?? '9999-12-31' }, span)) {
      skip(skipped, 'alliance (phase) outside the span');
      continue;
    }
    const inSystem = rows.filter((r) => abbrevOf.has(r.member));
    for (const _ of rows.length - inSystem.length ? rows.filter((r) => !abbrevOf.has(r.member)) : []) skip(skipped, 'member not in the State System during the span');
    const parties = [...new Set(inSystem.map((r) => abbrevOf.get(r.member)!))];
    const columns: Record<string, string[]> = {};
    const provisions = provisionsOf(inSystem, abbrevOf, notExpressed, columns);
    if (parties.length < 2 || provisions.length === 0) {
      skip(skipped, parties.length < 2 ? 'alliance with fewer than two State System members' : 'alliance without a coded obligation');
      omissions.push({ dataset: 'ATOP 4.01', id: phase > 0 ? `${atopid} phase ${phase}` : String(atopid), reason: parties.length < 2 ? 'fewer than two of its members are in the COW State System during the span' : 'no obligation coded' });
      continue;
    }
    if (Object.keys(columns).length) unexpressed[id] = columns;
    const signed = allianceBegin.get(atopid) ?? entry;
    const first = rows[0]!;
    const secretArticles = first.pubsecr === 1;
    treaties.push({
      id,
      name: `ATOP ${atopid}${phase > 0 ? ` phase ${phase}` : ''}: ${parties.join('–')}`,
      parties: inSystem.map((r) => ({ state: abbrevOf.get(r.member)!, from: r.entry, ...(r.exit ? { until: r.exit } : {}) })).filter((p, i, all) => all.findIndex((q) => q.state === p.state) === i),
      signed: signed < entry ? signed : entry,
      inForce: entry,
      ...(exit ? { until: exit } : {}),
      atop: atopid,
      secret: first.pubsecr === 2,
      provisions,
      ...(secretArticles || first.entryApproximate || first.exitApproximate
        ? { note: [secretArticles && 'Has secret articles (ATOP pubsecr=1).', (first.entryApproximate || first.exitApproximate) && 'ATOP gives no day for entry or exit: month precision.'].filter(Boolean).join(' ') }
        : {}),
      source: { ref: `${REFS.atop}, alliance ${atopid}${phase > 0 ? ` phase ${phase}` : ''}` },
    });
  }
  treaties.sort((a, b) => (a.inForce! < b.inForce! ? -1 : a.inForce! > b.inForce! ? 1 : a.id.localeCompare(b.id)));
  return { treaties, omissions };
}

/** Provisions of one alliance phase from its member rows: one per obligation kind, with the members that take it on. */
export function provisionsOf(rows: AtopMemberRow[], abbrevOf: Map<number, string>, notExpressed: Skipped = {}, unexpressed: Record<string, string[]> = {}): Provision[] {
  const provisions: Provision[] = [];
  const parties = [...new Set(rows.map((r) => abbrevOf.get(r.member)!))];
  for (const column of ATOP_OBLIGATIONS) {
    const bound = rows.filter((r) => r[column] === 1);
    if (bound.length === 0) continue;
    const obliged = [...new Set(bound.map((r) => abbrevOf.get(r.member)!))];
    const { conditions, notes } = conditionsOf(column, bound, abbrevOf, notExpressed);
    if (notes.length) unexpressed[OBLIGATION_KINDS[column]] = notes.map((n) => n.split(':')[0]!);
    provisions.push({
      id: OBLIGATION_KINDS[column],
      kind: OBLIGATION_KINDS[column],
      ...(obliged.length < parties.length ? { obliged } : {}),
      conditions,
      ...(notes.length ? { summary: `ATOP conditions casus does not yet express: ${notes.join('; ')}.` } : {}),
    });
  }
  return provisions;
}

function conditionsOf(column: (typeof ATOP_OBLIGATIONS)[number], rows: AtopMemberRow[], abbrevOf: Map<number, string>, notExpressed: Skipped): { conditions: Condition[]; notes: string[] } {
  const prefix = PREFIX[column];
  const conditions: Condition[] = [];
  const notes: string[] = [];
  if (!prefix) return { conditions, notes };
  // A condition holds for the provision when ATOP codes it for any obliged member (they nearly always agree).
  const coded = (suffix: string) => rows.some((r) => (r as unknown as Record<string, number | undefined>)[`${prefix}${suffix}`] === 1);
  const note = (suffix: string) => {
    notes.push(`${prefix}${suffix}: ${NOT_EXPRESSED[suffix]}`);
    skip(notExpressed, `${prefix}${suffix}`);
  };
  if (coded('coadv')) {
    const threats = [...new Set(rows.flatMap((r) => [r.statthr1, r.statthr2]).filter((c): c is number => c !== undefined && c > 0))];
    const states = threats.map((c) => abbrevOf.get(c)).filter((s): s is string => s !== undefined);
    if (states.length) conditions.push({ type: 'adversary', states, note: 'ATOP specific adversary (statthr1/statthr2)' });
    else note('coadv');
  }
  if (coded('conpr')) conditions.push({ type: 'unprovoked', note: `ATOP ${prefix}conpr: non-provocation` });
  if (column === 'neutral' && coded('coatt')) conditions.push({ type: 'partner-attacked', note: 'ATOP neucoatt: neutrality only when the partner is attacked' });
  for (const suffix of ['coloc', 'cocon', 'conum', 'codem', 'coreq']) if (coded(suffix) && `${prefix}${suffix}` in rows[0]!) note(suffix);
  return { conditions: dedupeUnprovoked(conditions), notes };
}

function dedupeUnprovoked(conditions: Condition[]): Condition[] {
  const firstUnprovoked = conditions.findIndex((c) => c.type === 'unprovoked');
  return conditions.filter((c, i) => c.type !== 'unprovoked' || i === firstUnprovoked);
}
