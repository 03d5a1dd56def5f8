/**
 * The borders check: the land borders casus derives for a day, compared with COW Direct
 * Contiguity v3.1, land contiguity (type 1), on one day of each year.
 *
 * What is compared, and why:
 * - Pairs of COW member states only (actors of kind `state` with a COW code), joined on the
 *   numeric code, so COW's spellings (USR, RUM) do not matter. Entities outside the state system
 *   (Manchukuo, Slovakia 1939, the Free City of Danzig) and organizations (the League in the
 *   Saar) are left out on both sides: COW has no rows for them.
 * - Homeland borders only. COW's direct contiguity codes a state's homeland; borders through
 *   dependencies are a separate COW dataset (Colonial Contiguity). So a casus border counts only
 *   when it runs between two territories each held as `sovereign`, `annexed` or `demilitarised`.
 *   A border that exists only through colonies, mandates, protectorates, puppets or occupied land
 *   (Italy and Britain by Eritrea and the Sudan, Japan and China by occupied North China) is
 *   reported apart, as `throughDependencies`, and not scored.
 * - COW gives months: a row counts on a day when the day's month lies within [begin, end].
 *
 * Agreement for a year is matched / (matched + only in casus + only in COW), so a missing and a
 * surplus border weigh the same. Every remaining difference must be in EXPLAINED_DIFFERENCES.
 */
import type { ContiguityRow } from '../data/cow-contiguity.js';
import type { Scenario } from '../model/schema.js';
import { dayProblem, inInterval } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import { worldAt, type World } from '../world/world.js';

/** Territory statuses that make land part of a state's homeland, as COW's direct contiguity reads it. */
export const HOMELAND_STATUSES: ReadonlySet<string> = new Set(['sovereign', 'annexed', 'demilitarised']);

/** A difference between casus and COW that has been looked into, with the reason it stands. */
export interface ExplainedDifference {
  /** The pair, by casus ids, sorted. */
  pair: [string, string];
  /** Where the border appears: only in casus, or only in COW. */
  side: 'casus' | 'cow';
  /** The audited years (inclusive) in which the difference is expected. */
  years: [number, number];
  /** Narrower: the months (YYYY-MM, inclusive) in which it is expected, for a change within a year. */
  months?: [string, string];
  reason: string;
}

/**
 * Differences that remain after the data were checked, and why. The test fails on any other.
 * Keep each reason short and say which record supports casus.
 */
export const EXPLAINED_DIFFERENCES: readonly ExplainedDifference[] = [
  {
    pair: ['HUN', 'POL'],
    side: 'casus',
    years: [1939, 1939],
    reason:
      'Hungary occupied Carpatho-Ukraine on 14–18 March 1939 and so gained the common frontier with Poland along the Carpathians that both governments had sought; ' +
      'COW v3.1 codes no POL–HUN land contiguity before 1945 (its HUN–USR row of 1939-11 through former Polish Galicia presupposes that same frontier).',
  },
  ...(['LAT', 'RUM', 'RUS'] as const).map(
    (other): ExplainedDifference => ({
      pair: ['POL', other],
      side: 'cow',
      years: [1939, 1939],
      months: ['1939-09', '1939-09'],
      reason: 'COW is monthly and runs its Polish rows through 1939-09; casus gives eastern Poland, with every Polish frontier east of the partition line, to the Red Army from 17 September.',
    }),
  ),
  {
    pair: ['GMY', 'RUS'],
    side: 'cow',
    years: [1939, 1939],
    months: ['1939-09', '1939-10'],
    reason:
      'COW codes GMY–USR contiguity from 1939-09 "through occupied Poland"; casus scores homeland borders only, and the Soviet half of Poland was occupied, not annexed, until the Supreme Soviet incorporated it on 1–2 November 1939 (from then the border through East Prussia counts).',
  },
  {
    pair: ['LIT', 'RUS'],
    side: 'cow',
    years: [1939, 1939],
    months: ['1939-10', '1939-10'],
    reason: 'COW resumes USR–LIT contiguity in 1939-10 with the transfer of Vilnius; the Soviet side of that frontier was occupied Polish land until its incorporation on 1939-11-01, and casus scores it from then.',
  },
];

/** A border pair with the reason it differs, if one is known. */
export interface Difference {
  pair: [string, string];
  explained?: string | undefined;
}

/** The comparison on one day. */
export interface YearAgreement {
  year: number;
  day: string;
  matched: [string, string][];
  onlyInCasus: Difference[];
  onlyInCow: Difference[];
  /** casus borders between COW states that run only through dependencies: not scored. */
  throughDependencies: [string, string][];
  /** matched / (matched + only in casus + only in COW); 1 when both sides are empty. */
  agreement: number;
}

/** The comparison over all audited years. */
export interface ContiguityReport {
  dataset: string;
  monthDay: string;
  years: YearAgreement[];
  overall: { matched: number; onlyInCasus: number; onlyInCow: number; agreement: number };
  /** Differences no entry of EXPLAINED_DIFFERENCES covers. */
  unexplained: { year: number; side: 'casus' | 'cow'; pair: [string, string] }[];
}

/** Options: which day of each year, which years, which explanations. */
export interface ContiguityOptions {
  /** Month and day audited in each year, `MM-DD`; default `07-01`. */
  monthDay?: string;
  years?: readonly number[];
  explained?: readonly ExplainedDifference[];
}

const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
const unkey = (k: string) => k.split(' ') as [string, string];

/**
 * Compares the scenario's derived borders with COW contiguity rows (all types may be passed;
 * only type 1 is used) on `monthDay` of each year. Pure; throws QueryError when `monthDay` is no
 * day of the year or an audited day lies outside the scenario.
 */
export function contiguityAgreement(scenario: Scenario, rows: readonly ContiguityRow[], options: ContiguityOptions = {}): ContiguityReport {
  const monthDay = options.monthDay ?? '07-01';
  // 2000 is a leap year, so 02-29 passes here and is then audited only in leap years.
  if (!/^\d{2}-\d{2}$/.test(monthDay) || dayProblem(`2000-${monthDay}`)) throw new QueryError(`"${monthDay}" is not a day of the year (MM-DD)`);
  const explained = options.explained ?? EXPLAINED_DIFFERENCES;
  const years = options.years ?? yearsOf(scenario, monthDay);
  const idOfCode = new Map<number, string>();
  for (const actor of scenario.actors) if (actor.kind === 'state' && actor.ccode !== undefined) idOfCode.set(actor.ccode, actor.id);

  const results = years.map((year) => {
    const day = `${year}-${monthDay}`;
    const world = worldAt(scenario, day);
    const { homeland, throughDependencies } = casusBorders(scenario, world);
    const cow = cowBorders(rows, idOfCode, new Set(world.states.map((s) => s.id)), day.slice(0, 7));
    const explain = (k: string, side: 'casus' | 'cow') => {
      const [a, b] = unkey(k);
      const month = day.slice(0, 7);
      return explained.find((e) => e.side === side && key(...e.pair) === key(a, b) && e.years[0] <= year && year <= e.years[1] && (!e.months || (e.months[0] <= month && month <= e.months[1])))?.reason;
    };
    const matched = [...homeland].filter((k) => cow.has(k)).sort();
    const onlyInCasus = [...homeland].filter((k) => !cow.has(k)).sort().map((k) => ({ pair: unkey(k), explained: explain(k, 'casus') }));
    const onlyInCow = [...cow].filter((k) => !homeland.has(k)).sort().map((k) => ({ pair: unkey(k), explained: explain(k, 'cow') }));
    return {
      year,
      day,
      matched: matched.map(unkey),
      onlyInCasus,
      onlyInCow,
      throughDependencies: [...throughDependencies].sort().map(unkey),
      agreement: ratio(matched.length, matched.length + onlyInCasus.length + onlyInCow.length),
    } satisfies YearAgreement;
  });

  const sum = (f: (y: YearAgreement) => number) => results.reduce((n, y) => n + f(y), 0);
  const matched = sum((y) => y.matched.length);
  const onlyInCasus = sum((y) => y.onlyInCasus.length);
  const onlyInCow = sum((y) => y.onlyInCow.length);
  return {
    dataset: 'COW Direct Contiguity v3.1, land (type 1)',
    monthDay,
    years: results,
    overall: { matched, onlyInCasus, onlyInCow, agreement: ratio(matched, matched + onlyInCasus + onlyInCow) },
    unexplained: results.flatMap((y) => [
      ...y.onlyInCasus.filter((d) => !d.explained).map((d) => ({ year: y.year, side: 'casus' as const, pair: d.pair })),
      ...y.onlyInCow.filter((d) => !d.explained).map((d) => ({ year: y.year, side: 'cow' as const, pair: d.pair })),
    ]),
  };
}

/** The years of the span whose audited day falls inside it. Pure. */
function yearsOf(scenario: Scenario, monthDay: string): number[] {
  const years: number[] = [];
  for (let y = Number(scenario.span.from.slice(0, 4)); y <= Number(scenario.span.until.slice(0, 4)); y++) {
    const day = `${y}-${monthDay}`;
    if (!dayProblem(day) && inInterval(day, scenario.span)) years.push(y);
  }
  return years;
}

/**
 * The world's borders between COW states, split into homeland borders and borders that run only
 * through dependencies. Pure.
 */
export function casusBorders(scenario: Scenario, world: World): { homeland: Set<string>; throughDependencies: Set<string> } {
  const cowStates = new Set(world.states.filter((s) => s.kind === 'state' && s.ccode !== undefined).map((s) => s.id));
  const territory = new Map(world.territories.map((t) => [t.id, t]));
  const homeland = new Set<string>();
  for (const adjacency of scenario.adjacency) {
    if (!inInterval(world.date, adjacency)) continue;
    const [x, y] = adjacency.between.map((id) => territory.get(id));
    if (!x || !y || x.controller === y.controller) continue;
    if (!cowStates.has(x.controller) || !cowStates.has(y.controller)) continue;
    if (HOMELAND_STATUSES.has(x.status) && HOMELAND_STATUSES.has(y.status)) homeland.add(key(x.controller, y.controller));
  }
  const throughDependencies = new Set(
    world.borders.filter(([a, b]) => cowStates.has(a) && cowStates.has(b)).map(([a, b]) => key(a, b)).filter((k) => !homeland.has(k)),
  );
  return { homeland, throughDependencies };
}

/** COW land-contiguity pairs in force in `month` (YYYY-MM) between states that exist in the world. Pure. */
function cowBorders(rows: readonly ContiguityRow[], idOfCode: Map<number, string>, existing: Set<string>, month: string): Set<string> {
  const pairs = new Set<string>();
  for (const row of rows) {
    if (row.type !== 1 || month < row.from || month > row.until) continue;
    const a = idOfCode.get(row.aCode);
    const b = idOfCode.get(row.bCode);
    if (a !== undefined && b !== undefined && existing.has(a) && existing.has(b)) pairs.add(key(a, b));
  }
  return pairs;
}

/** The report as lines for a person. Pure. */
export function describeContiguity(report: ContiguityReport): string[] {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const pairs = (ps: { pair: [string, string]; explained?: string | undefined }[]) => ps.map((d) => `${d.pair.join('–')}${d.explained ? '' : ' (UNEXPLAINED)'}`).join(', ');
  const lines = [`Borders against ${report.dataset}, on ${report.monthDay} of each year`, '', 'year   matched  only casus  only COW  agreement'];
  for (const y of report.years) {
    lines.push(`${y.year}   ${String(y.matched.length).padStart(7)}  ${String(y.onlyInCasus.length).padStart(10)}  ${String(y.onlyInCow.length).padStart(8)}  ${pct(y.agreement).padStart(9)}`);
  }
  const o = report.overall;
  lines.push(`all    ${String(o.matched).padStart(7)}  ${String(o.onlyInCasus).padStart(10)}  ${String(o.onlyInCow).padStart(8)}  ${pct(o.agreement).padStart(9)}`, '');
  for (const y of report.years) {
    if (y.onlyInCasus.length) lines.push(`${y.year} only in casus: ${pairs(y.onlyInCasus)}`);
    if (y.onlyInCow.length) lines.push(`${y.year} only in COW: ${pairs(y.onlyInCow)}`);
  }
  const reasons = new Map<string, string>();
  for (const y of report.years) for (const d of [...y.onlyInCasus, ...y.onlyInCow]) if (d.explained) reasons.set(d.pair.join('–'), d.explained);
  for (const [pair, reason] of reasons) lines.push(`  ${pair}: ${reason}`);
  const colonial = new Set(report.years.flatMap((y) => y.throughDependencies.map((p) => p.join('–'))));
  lines.push('', `Not scored (borders only through colonies, mandates, puppets or occupied land): ${[...colonial].sort().join(', ') || 'none'}`);
  lines.push(report.unexplained.length ? `${report.unexplained.length} unexplained difference(s)` : 'Every difference is explained.');
  return lines;
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
