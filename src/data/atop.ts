/**
 * ATOP (Alliance Treaty Obligations and Provisions, v4.01): member-level and alliance-level files.
 * Every obligation, condition and treaty-feature column ATOP codes is kept under its ATOP name;
 * dates become Days. The codes' meanings, and how casus maps them, are in docs/atop-mapping.md.
 */
import type { Day } from '../model/day.js';
import { DatasetError, intField, readCsv, skip, type CsvRow, type Skipped } from './csv.js';
import { dayOf, firstOfNextMonth, optionalNumber } from './fields.js';
import { DATASETS, dataPath } from './paths.js';

/** The five obligations ATOP codes (1 = the member takes on the obligation). */
export const ATOP_OBLIGATIONS = ['defense', 'offense', 'neutral', 'nonagg', 'consul'] as const;

/**
 * Condition columns of the member-level file: whether an obligation is conditional at all
 * (`conditio`, `defcon`, `offcon`, `neucon`, `concon`) and on what: a specific adversary (`…coadv`),
 * a location (`…coloc`), a conflict with a specific state (`…cocon`), the adversary's number
 * (`…conum`), the ally's compliance/demand (`…codem`), non-provocation (`…conpr`), an attack on
 * the ally (`neucoatt`), a request (`concoreq`). `active` marks active (defence/offence) support.
 */
export const ATOP_MEMBER_CONDITIONS = [
  'active', 'conditio', 'defcon', 'offcon', 'neucon', 'concon',
  'defcoadv', 'defcoloc', 'defcocon', 'defconum', 'defcodem', 'defconpr',
  'offcoadv', 'offcoloc', 'offcocon', 'offconum', 'offcodem',
  'neucoadv', 'neucoloc', 'neucocon', 'neuconum', 'neucodem', 'neuconpr', 'neucoatt',
  'concoadv', 'concoloc', 'concocon', 'concoreq', 'olimob',
] as const;

/** Condition columns of the alliance-level file (it has only the per-obligation flags). */
export const ATOP_ALLIANCE_CONDITIONS = ['active', 'conditio', 'defcon', 'offcon', 'neucon', 'concon'] as const;

/** Treaty features ATOP codes per alliance (and repeats per member): terms, secrecy, institutions, threats, and so on. */
export const ATOP_FEATURES = [
  'ineffect', 'bilat', 'maxphase', 'wartime', 'estmode', 'pubsecr', 'secrart', 'proadd', 'futmem', 'speclgth', 'length',
  'renounce', 'proren', 'renewlgt', 'term', 'asymm', 'notaiden', 'dipaid', 'terrres', 'seppeace', 'thirdcom', 'noothall',
  'specthrt', 'statthr1', 'statthr2', 'conwtin', 'medarb', 'milcon', 'milaid', 'intcom', 'subord', 'organ1', 'orgpurp1',
  'organ2', 'orgpurp2', 'base', 'contrib', 'armred', 'acqterr', 'divgains', 'demwith', 'reflnun', 'refothio', 'natrefal',
  'compag', 'nomicoop', 'conres', 'agprois', 'conmen', 'ecaid', 'interv',
] as const;

/** Features only the member-level file has. */
export const ATOP_MEMBER_FEATURES = ['cowsys', 'cowwar', 'termmode', 'termcaus', 'obvary'] as const;
/** Features only the alliance-level file has (institutionalisation and formality). */
export const ATOP_ALLIANCE_FEATURES = ['hinst', 'minst', 'milorg', 'milinst', 'pubtreat', 'formorg', 'formal'] as const;

/** A code per column; undefined where ATOP leaves the cell empty (not coded) or the file lacks the column. */
export type AtopCodes<K extends readonly string[]> = { [key in K[number]]: number | undefined };

interface AtopDates {
  /** The first day in force. `entryApproximate` when ATOP gives no day (the first of the month is used). */
  entry: Day;
  entryApproximate?: true | undefined;
  /** The day it ended, used as the exclusive end; undefined while in effect at the end of ATOP's data (exit year 0). `exitApproximate` when ATOP gives no day (the first of the next month is used). */
  exit?: Day | undefined;
  exitApproximate?: true | undefined;
}

/** One member in one phase of one alliance. */
export type AtopMemberRow = {
  atopid: number;
  /** COW country code of the member. */
  member: number;
  /** Phase of the alliance (0 when it has one phase); obligations change between phases. */
  phase: number;
  line: number;
  /** COW alliance ids (v3 and v4) when the alliance is also in COW's Formal Alliances. */
  cowid?: number | undefined;
  cow4id?: number | undefined;
  /** Columns present in the file but unknown to this reader, kept as text. */
  extra: Record<string, string>;
} & AtopDates &
  AtopCodes<typeof ATOP_OBLIGATIONS> &
  AtopCodes<typeof ATOP_MEMBER_CONDITIONS> &
  AtopCodes<typeof ATOP_FEATURES> &
  AtopCodes<typeof ATOP_MEMBER_FEATURES>;

/** One alliance, with its members' COW codes. */
export type AtopAllianceRow = {
  atopid: number;
  members: number[];
  line: number;
  cowid?: number | undefined;
  cow4id?: number | undefined;
  extra: Record<string, string>;
} & AtopDates &
  AtopCodes<typeof ATOP_OBLIGATIONS> &
  AtopCodes<typeof ATOP_ALLIANCE_CONDITIONS> &
  AtopCodes<typeof ATOP_FEATURES> &
  AtopCodes<typeof ATOP_ALLIANCE_FEATURES>;

const BOOKKEEPING = ['source', 'new4', 'rev4', 'version'];

/**
 * Reads ATOP's member-level file. Obligation and condition columns are required (a missing one
 * is a DatasetError); other features are read when present. Throws DatasetError on a malformed row.
 */
export function readAtopMembers(path: string = dataPath(...DATASETS.atopMembers)): { rows: AtopMemberRow[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const dateColumns = ['yrent', 'moent', 'dayent', 'yrexit', 'moexit', 'dayexit'];
  const csv = readCsv(path, ['atopid', 'member', ...dateColumns, ...ATOP_OBLIGATIONS, ...ATOP_MEMBER_CONDITIONS]);
  const known = new Set<string>(['atopid', 'member', 'phase', 'cowid', 'cow4id', ...dateColumns, ...ATOP_OBLIGATIONS, ...ATOP_MEMBER_CONDITIONS, ...ATOP_FEATURES, ...ATOP_MEMBER_FEATURES, ...BOOKKEEPING]);
  const rows = csv.map((row) => ({
    atopid: intField(row, 'atopid', file),
    member: intField(row, 'member', file),
    phase: row.fields.phase ? intField(row, 'phase', file) : 0,
    line: row.line,
    cowid: idOf(row, 'cowid', file),
    cow4id: idOf(row, 'cow4id', file),
    extra: extraOf(row, known),
    ...datesOf(row, ['yrent', 'moent', 'dayent'], ['yrexit', 'moexit', 'dayexit'], file),
    ...codesOf(row, ATOP_OBLIGATIONS, file),
    ...codesOf(row, ATOP_MEMBER_CONDITIONS, file),
    ...codesOf(row, ATOP_FEATURES, file),
    ...codesOf(row, ATOP_MEMBER_FEATURES, file),
  }));
  return { rows, skipped: {} };
}

/**
 * Reads ATOP's alliance-level file; members come from the mem1…memN columns present.
 * An alliance with fewer than two members is skipped and counted. Throws DatasetError on a malformed row.
 */
export function readAtopAlliances(path: string = dataPath(...DATASETS.atopAlliances)): { rows: AtopAllianceRow[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const dateColumns = ['begyr', 'begmo', 'begday', 'endyr', 'endmo', 'endday'];
  const csv = readCsv(path, ['atopid', ...dateColumns, ...ATOP_OBLIGATIONS, ...ATOP_ALLIANCE_CONDITIONS]);
  const memberColumns = Object.keys(csv[0]?.fields ?? {}).filter((c) => /^mem\d+$/.test(c)).sort((a, b) => Number(a.slice(3)) - Number(b.slice(3)));
  const known = new Set<string>(['atopid', 'cowid', 'cow4id', ...dateColumns, ...memberColumns, ...ATOP_OBLIGATIONS, ...ATOP_ALLIANCE_CONDITIONS, ...ATOP_FEATURES, ...ATOP_ALLIANCE_FEATURES, ...BOOKKEEPING]);
  const skipped: Skipped = {};
  const rows: AtopAllianceRow[] = [];
  for (const row of csv) {
    const members = memberColumns.flatMap((c) => (row.fields[c] === '' ? [] : [intField(row, c, file)]));
    if (members.length < 2) {
      skip(skipped, 'fewer than two members');
      continue;
    }
    rows.push({
      atopid: intField(row, 'atopid', file),
      members,
      line: row.line,
      cowid: idOf(row, 'cowid', file),
      cow4id: idOf(row, 'cow4id', file),
      extra: extraOf(row, known),
      ...datesOf(row, ['begyr', 'begmo', 'begday'], ['endyr', 'endmo', 'endday'], file),
      ...codesOf(row, ATOP_OBLIGATIONS, file),
      ...codesOf(row, ATOP_ALLIANCE_CONDITIONS, file),
      ...codesOf(row, ATOP_FEATURES, file),
      ...codesOf(row, ATOP_ALLIANCE_FEATURES, file),
    });
  }
  return { rows, skipped };
}

function codesOf<K extends readonly string[]>(row: CsvRow, columns: K, file: string): AtopCodes<K> {
  const codes = {} as Record<string, number | undefined>;
  for (const c of columns) codes[c] = row.fields[c] === undefined ? undefined : optionalNumber(row, c, file, []);
  return codes as AtopCodes<K>;
}

function idOf(row: CsvRow, column: string, file: string): number | undefined {
  return row.fields[column] === undefined || row.fields[column] === '' ? undefined : intField(row, column, file);
}

function extraOf(row: CsvRow, known: ReadonlySet<string>): Record<string, string> {
  const extra: Record<string, string> = {};
  for (const [k, v] of Object.entries(row.fields)) if (!known.has(k)) extra[k] = v;
  return extra;
}

/** Entry and exit as Days. Exit year 0 means still in effect; a missing day is approximated and flagged. */
function datesOf(row: CsvRow, [ey, em, ed]: string[], [xy, xm, xd]: string[], file: string): AtopDates {
  const entryDay = row.fields[ed!] === '' ? undefined : intField(row, ed!, file);
  const entry = dayOf(intField(row, ey!, file), intField(row, em!, file), entryDay || 1, file, row.line, entryDay ? ed! : em!);
  const dates: AtopDates = entryDay ? { entry } : { entry, entryApproximate: true };
  const exitYear = intField(row, xy!, file);
  if (exitYear === 0) return dates;
  const exitMonth = intField(row, xm!, file);
  const exitDayText = row.fields[xd!];
  const exitDay = exitDayText === '' ? 0 : intField(row, xd!, file);
  if (exitMonth < 1 || exitMonth > 12) throw new DatasetError(file, row.line, xm, `${exitMonth} is not a month`);
  const exit = exitDay ? dayOf(exitYear, exitMonth, exitDay, file, row.line, xd!) : firstOfNextMonth(exitYear, exitMonth);
  if (exit < entry) throw new DatasetError(file, row.line, xy, `ends (${exit}) before it starts (${entry})`);
  return exitDay ? { ...dates, exit } : { ...dates, exit, exitApproximate: true };
}
