/**
 * Importers: COW (State System, NMC, Direct Contiguity, Inter-State War) and ATOP (member and
 * alliance level) rows into a casus scenario for a span of years. Pure: the rows come in, a
 * scenario and a report of what was left out (and why) come back. Reading the files is the
 * job of the readers and of `readImportInputs` in ./import-files.ts.
 *
 * Geography is deliberately coarse: one territory per state, adjacency from COW contiguity
 * type 1 (land or river border). The ATOP mapping is documented in docs/atop-mapping.md.
 */
import { previousDay, type Day } from '../model/day.js';
import { FORMAT_VERSION, type Actor, type Adjacency, type Capability, type Condition, type Omission, type Provision, type ProvisionKind, type Scenario, type ScenarioEvent, type Territory, type Treaty } from '../model/schema.js';
import { ATOP_OBLIGATIONS, type AtopAllianceRow, type AtopMemberRow } from './atop.js';
import type { ContiguityRow } from './cow-contiguity.js';
import type { NmcRow } from './cow-nmc.js';
import type { StateSpell } from './cow-states.js';
import type { War } from './cow-wars.js';
import { skip, type Skipped } from './csv.js';
import type { CapitalSpell } from './cshapes-capitals.js';

/** The years the importers accept: COW's State System starts in 1816; 2007 is the issue's bound (ATOP 4.01 and COW wars end earlier). */
export const IMPORT_YEARS = { first: 1816, last: 2007 } as const;

export const REFS = {
  states: 'COW State System Membership v2016',
  nmc: 'COW National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972)',
  contiguity: 'COW Direct Contiguity v3.1',
  wars: 'COW Inter-State War Data v4.0 (Sarkees & Wayman 2010)',
  atop: 'ATOP 4.01 (Leeds, Ritter, Mitchell & Long 2002)',
  cshapes: 'CShapes 2.0 (Schvitz et al. 2022)',
} as const;

/** Which datasets go into the scenario. The State System always does: every other record names its states. */
export type ImportSet = 'cow' | 'atop' | 'all';

export interface ImportInputs {
  states: StateSpell[];
  capitals?: CapitalSpell[] | undefined;
  nmc?: NmcRow[] | undefined;
  contiguity?: ContiguityRow[] | undefined;
  wars?: War[] | undefined;
  atopMembers?: AtopMemberRow[] | undefined;
  atopAlliances?: AtopAllianceRow[] | undefined;
  /** Rows the readers skipped, by dataset, carried into the report. */
  readerSkipped?: Record<string, Skipped> | undefined;
}

export interface ImportOptions {
  /** First and last year, inclusive. */
  from: number;
  to: number;
  set?: ImportSet | undefined;
  /** Ids to use instead of COW's abbreviations, by COW code (another scenario's, e.g. RUM for COW's ROM). */
  ids?: ReadonlyMap<number, string> | undefined;
}

export interface ImportReport {
  span: { from: Day; until: Day };
  counts: Record<string, number>;
  /** Rows left out, by dataset and reason. */
  skipped: Record<string, Skipped>;
  /** ATOP codes kept on provisions as notes because casus cannot express them as conditions, by column. */
  notExpressed: Skipped;
}

/** ATOP conditions a provision carries that casus cannot express: treaty id → provision id → ATOP columns. */
export type Unexpressed = Record<string, Record<string, string[]>>;

/**
 * Imports the rows into a scenario covering [from-01-01, to+1-01-01), with the report and the
 * table of conditions left unexpressed (the reliability audit leaves those provisions out).
 * Pure. Throws RangeError for a span outside 1816–2007.
 */
export function importScenario(inputs: ImportInputs, options: ImportOptions): { scenario: Scenario; report: ImportReport; unexpressed: Unexpressed } {
  const { from, to } = options;
  const set = options.set ?? 'all';
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < IMPORT_YEARS.first || to > IMPORT_YEARS.last || from > to) {
    throw new RangeError(`the span must be whole years with ${IMPORT_YEARS.first} <= from <= to <= ${IMPORT_YEARS.last} (got ${from}–${to})`);
  }
  const span = { from: `${from}-01-01`, until: `${to + 1}-01-01` };
  const report: ImportReport = { span, counts: {}, skipped: Object.fromEntries(Object.entries(inputs.readerSkipped ?? {}).map(([k, v]) => [k, { ...v }])), notExpressed: {} };
  const skipped = (dataset: string) => (report.skipped[dataset] ??= {});

  const actors = actorsOf(inputs.states, inputs.capitals ?? [], span, skipped(REFS.states), options.ids ?? new Map());
  const abbrevOf = new Map(actors.map((a) => [a.ccode!, a.id]));
  const territories = actors.map(territoryOf);
  const withCow = set !== 'atop';
  const withAtop = set !== 'cow';
  const adjacency = withCow ? adjacencyOf(inputs.contiguity ?? [], span, abbrevOf, skipped(REFS.contiguity)) : [];
  const capabilities = withCow ? capabilitiesOf(inputs.nmc ?? [], from, to, abbrevOf, skipped(REFS.nmc)) : [];
  const events = withCow ? warEventsOf(inputs.wars ?? [], span, abbrevOf, skipped(REFS.wars)) : [];
  const unexpressed: Unexpressed = {};
  const atop = withAtop ? treatiesOf(inputs.atopMembers ?? [], inputs.atopAlliances ?? [], span, abbrevOf, skipped(REFS.atop), report.notExpressed, unexpressed) : { treaties: [], omissions: [] };

  const scenario: Scenario = {
    format: FORMAT_VERSION,
    id: `import-${set}-${from}-${to}`,
    name: `Imported from ${set === 'cow' ? 'COW' : set === 'atop' ? 'ATOP (with the COW State System)' : 'COW and ATOP'}, ${from}–${to}`,
    description:
      'Generated by `casus import`. One territory per state; land adjacency from COW Direct Contiguity type 1. ' +
      'ATOP obligations become provisions; conditions casus cannot express are kept in each provision’s summary (docs/atop-mapping.md).',
    span,
    include: [],
    parameters: {},
    actors,
    territories,
    adjacency,
    seas: [],
    organizations: [],
    treaties: atop.treaties,
    transit: [],
    events,
    capabilities,
    effectiveness: [],
    omissions: atop.omissions,
    seeds: [],
    readings: [],
    atopCoding: [],
    societies: [],
    kin: [],
    disputes: [],
    wars: [],
  };
  report.counts = {
    actors: actors.length,
    territories: territories.length,
    adjacency: adjacency.length,
    capabilities: capabilities.length,
    wars: events.length,
    treaties: atop.treaties.length,
    provisions: atop.treaties.reduce((n, t) => n + t.provisions.length, 0),
    omissions: atop.omissions.length,
    'capitals unknown (placeholder 0,0)': actors.filter((a) => a.capital.name === 'unknown').length,
  };
  for (const [k, v] of Object.entries(report.skipped)) if (Object.keys(v).length === 0) delete report.skipped[k];
  return { scenario, report, unexpressed };
}

const overlaps = (a: { from: Day; until: Day }, b: { from: Day; until: Day }) => a.from < b.until && b.from < a.until;

function actorsOf(states: StateSpell[], capitals: CapitalSpell[], span: { from: Day; until: Day }, skipped: Skipped, ids: ReadonlyMap<number, string>): Actor[] {
  const byCode = new Map<number, StateSpell[]>();
  for (const s of states) {
    if (!overlaps(s, span)) {
      skip(skipped, 'outside the span');
      continue;
    }
    byCode.set(s.ccode, [...(byCode.get(s.ccode) ?? []), s]);
  }
  return [...byCode.values()]
    .map((spells): Actor => {
      const first = spells[0]!;
      const start = spells[0]!.from > span.from ? spells[0]!.from : span.from;
      const own = capitals.filter((c) => c.ccode === first.ccode);
      // The capital of the polygon in force when the state enters the span, else its earliest polygon.
      const capital = own.find((c) => c.from <= start && start < c.until) ?? [...own].sort((a, b) => a.from.localeCompare(b.from))[0];
      return {
        id: ids.get(first.ccode) ?? first.abbrev,
        kind: 'state',
        ccode: first.ccode,
        name: first.name,
        exists: spells.map((s) => ({ from: s.from, until: s.until, source: { ref: REFS.states } })),
        capital: capital ? { name: capital.name, lat: capital.lat, lon: capital.lon } : { name: 'unknown', lat: 0, lon: 0 },
        regimes: [],
        leaders: [],
        lines: [],
        dependencies: [],
        ...(capital ? {} : { note: 'Capital unknown to the imported datasets (CShapes 2.0 starts in 1886): 0,0 is a placeholder, not a location.' }),
        source: capital ? [{ ref: REFS.states }, { ref: REFS.cshapes, note: 'capital' }] : { ref: REFS.states },
      };
    })
    .sort((a, b) => a.ccode! - b.ccode!);
}

/** The territory id of a state's one imported territory. */
export function homeTerritory(actor: string): string {
  return `${actor}-home`;
}

function territoryOf(actor: Actor): Territory {
  return {
    id: homeTerritory(actor.id),
    name: actor.name,
    seas: [],
    control: actor.exists.map((spell) => ({ from: spell.from, until: spell.until, controller: actor.id, status: 'sovereign' as const, source: { ref: REFS.states } })),
    note: 'One territory per state, as long as it is a member of the state system.',
    source: { ref: REFS.states },
  };
}

function adjacencyOf(rows: ContiguityRow[], span: { from: Day; until: Day }, abbrevOf: Map<number, string>, skipped: Skipped): Adjacency[] {
  const out: Adjacency[] = [];
  for (const r of rows) {
    if (r.type !== 1) {
      skip(skipped, `separated by water (type ${r.type}): casus adjacency is land borders only`);
      continue;
    }
    const interval = { from: `${r.from}-01`, until: monthAfter(r.until) };
    if (!overlaps(interval, span)) {
      skip(skipped, 'outside the span');
      continue;
    }
    const a = abbrevOf.get(r.aCode);
    const b = abbrevOf.get(r.bCode);
    if (!a || !b) {
      skip(skipped, 'a state not in the State System during the span');
      continue;
    }
    out.push({ between: [homeTerritory(a), homeTerritory(b)], ...interval, ...(r.notes ? { note: r.notes } : {}), source: { ref: REFS.contiguity } });
  }
  return out;
}

/** The first day of the month after an inclusive `YYYY-MM`. Pure. */
function monthAfter(month: string): Day {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function capabilitiesOf(rows: NmcRow[], from: number, to: number, abbrevOf: Map<number, string>, skipped: Skipped): Capability[] {
  const out: Capability[] = [];
  for (const r of rows) {
    if (r.year < from || r.year > to) {
      skip(skipped, 'outside the span');
      continue;
    }
    const state = abbrevOf.get(r.ccode);
    if (!state) {
      skip(skipped, 'a state not in the State System during the span');
      continue;
    }
    const { ccode: _c, abbrev: _a, ...values } = r;
    out.push({ state, ...values, source: { ref: REFS.nmc } });
  }
  return out;
}

function warEventsOf(wars: War[], span: { from: Day; until: Day }, abbrevOf: Map<number, string>, skipped: Skipped): ScenarioEvent[] {
  const out: ScenarioEvent[] = [];
  for (const w of wars) {
    if (w.from < span.from || w.from >= span.until) {
      skip(skipped, 'war begins outside the span');
      continue;
    }
    const missing = w.participants.filter((p) => !abbrevOf.has(p.ccode));
    for (const _ of missing) skip(skipped, 'participant not in the State System during the span');
    const known = w.participants.filter((p) => abbrevOf.has(p.ccode));
    const initiatorSide = known.find((p) => p.initiator)?.side ?? 1;
    const side = (s: number) => [...new Set(known.filter((p) => p.side === s).map((p) => abbrevOf.get(p.ccode)!))].sort();
    const lastDay = w.until; // exclusive; the event's `until` is its last day
    out.push({
      id: `cow-war-${w.warNum}`,
      date: w.from,
      until: previousDay(lastDay) >= w.from ? previousDay(lastDay) : undefined,
      kind: 'war',
      title: w.name,
      actors: side(initiatorSide),
      targets: side(initiatorSide === 1 ? 2 : 1),
      territories: [],
      excluded: [],
      description: `COW war ${w.warNum}. Participants: ${known
        .map((p) => `${abbrevOf.get(p.ccode)} (side ${p.side}${p.initiator ? ', initiator' : ''}, ${p.spells.map((s) => `${s.from}…${previousDay(s.until)}`).join(' and ')})`)
        .join('; ')}.`,
      source: { ref: `${REFS.wars}, war ${w.warNum}` },
    });
  }
  return out;
}


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
function treatiesOf(
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
