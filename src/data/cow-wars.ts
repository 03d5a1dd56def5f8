/** COW Inter-State War data (v4.0), participant level, grouped into wars. */
import { daysInMonth, type Day } from '../model/day.js';
import { DatasetError, intField, readCsv, type CsvRow, type Skipped } from './csv.js';
import { dayAfter, dayOf, optionalInt } from './fields.js';
import { DATASETS, dataPath } from './paths.js';

/** A spell of participation: `until` is exclusive (the day after COW's end date). `approximate` when COW left the day unknown (-9). */
export interface WarSpell {
  from: Day;
  until: Day;
  approximate?: true | undefined;
}

/** COW's outcome codes for a participant. */
export const WAR_OUTCOMES: Record<number, string> = {
  1: 'winner',
  2: 'loser',
  3: 'compromise or tie',
  4: 'transformed into another type of war',
  5: 'ongoing',
  6: 'stalemate',
  7: 'continuing',
  8: 'changed sides',
};

/** One state's participation in a war. */
export interface WarParticipant {
  ccode: number;
  stateName: string;
  side: 1 | 2;
  spells: WarSpell[];
  initiator: boolean;
  outcome: number;
  /** Battle deaths; undefined when COW codes them unknown (-9). */
  batDeaths?: number | undefined;
  /** COW's region code of where it fought. */
  whereFought: number;
  /** Wars this participation was transformed from / into (COW war numbers), when any. */
  transFrom: number[];
  transTo: number[];
  line: number;
}

/** A war: its number, name, first and last day, and its participants. */
export interface War {
  warNum: number;
  name: string;
  from: Day;
  until: Day;
  participants: WarParticipant[];
}

const COLUMNS = ['WarNum', 'WarName', 'ccode', 'StateName', 'Side', 'StartMonth1', 'StartDay1', 'StartYear1', 'EndMonth1', 'EndDay1', 'EndYear1', 'StartMonth2', 'StartDay2', 'StartYear2', 'EndMonth2', 'EndDay2', 'EndYear2', 'Initiator', 'Outcome', 'BatDeath', 'WhereFought'] as const;

/**
 * Reads the war file and groups participants by war, wars in order of their number.
 * -8 (not applicable: no second spell) and -9 (unknown) are handled; a malformed row throws DatasetError.
 */
export function readWars(path: string = dataPath(...DATASETS.wars)): { wars: War[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const byNumber = new Map<number, War>();
  for (const row of readCsv(path, COLUMNS)) {
    const warNum = intField(row, 'WarNum', file);
    const side = intField(row, 'Side', file);
    if (side !== 1 && side !== 2) throw new DatasetError(file, row.line, 'Side', `${side} is not a side (1 or 2)`);
    const initiator = intField(row, 'Initiator', file);
    if (initiator !== 1 && initiator !== 2) throw new DatasetError(file, row.line, 'Initiator', `${initiator} is not 1 (initiator) or 2`);
    const outcome = intField(row, 'Outcome', file);
    if (!(outcome in WAR_OUTCOMES)) throw new DatasetError(file, row.line, 'Outcome', `${outcome} is not a COW outcome code`);
    const spells = [spellOf(row, 1, file)];
    const second = row.fields.StartYear2 === '-8' ? undefined : spellOf(row, 2, file);
    if (second) spells.push(second);
    const participant: WarParticipant = {
      ccode: intField(row, 'ccode', file),
      stateName: row.fields.StateName!,
      side,
      spells,
      initiator: initiator === 1,
      outcome,
      batDeaths: optionalInt(row, 'BatDeath', file),
      whereFought: intField(row, 'WhereFought', file),
      transFrom: warList(row, 'TransFrom', file),
      transTo: warList(row, 'TransTo', file),
      line: row.line,
    };
    let war = byNumber.get(warNum);
    if (!war) {
      war = { warNum, name: row.fields.WarName!, from: spells[0]!.from, until: spells[0]!.until, participants: [] };
      byNumber.set(warNum, war);
    } else if (war.name !== row.fields.WarName) {
      throw new DatasetError(file, row.line, 'WarName', `war ${warNum} is called "${war.name}" on an earlier row`);
    }
    war.participants.push(participant);
    for (const s of spells) {
      if (s.from < war.from) war.from = s.from;
      if (s.until > war.until) war.until = s.until;
    }
  }
  return { wars: [...byNumber.values()].sort((a, b) => a.warNum - b.warNum), skipped: {} };
}

function spellOf(row: CsvRow, n: 1 | 2, file: string): WarSpell {
  const part = (name: string) => intField(row, `${name}${n}`, file);
  const [sy, sm, sd, ey, em, ed] = [part('StartYear'), part('StartMonth'), part('StartDay'), part('EndYear'), part('EndMonth'), part('EndDay')];
  if (sy < 0) throw new DatasetError(file, row.line, `StartYear${n}`, `${sy}: the war has no start year`);
  if (sm < 0) throw new DatasetError(file, row.line, `StartMonth${n}`, `${sm}: the war has no start month`);
  if (ey < 0 || em < 0) throw new DatasetError(file, row.line, `EndYear${n}`, `the spell has no end year or month (${ey}-${em})`);
  // An unknown day (-9) becomes the widest reading: first day of the start month, last of the end month.
  const from = dayOf(sy, sm, sd < 0 ? 1 : sd, file, row.line, `StartDay${n}`);
  const end = ed < 0 ? lastOfMonth(ey, em, file, row.line, `EndMonth${n}`) : dayOf(ey, em, ed, file, row.line, `EndDay${n}`);
  if (end < from) throw new DatasetError(file, row.line, `EndYear${n}`, `ends (${end}) before it starts (${from})`);
  return sd < 0 || ed < 0 ? { from, until: dayAfter(end), approximate: true } : { from, until: dayAfter(end) };
}

function lastOfMonth(year: number, month: number, file: string, line: number, column: string): Day {
  if (month < 1 || month > 12) throw new DatasetError(file, line, column, `${month} is not a month`);
  return dayOf(year, month, daysInMonth(year, month), file, line, column);
}

/** A list of war numbers ("404, 410"); -8 and a missing column mean none. */
function warList(row: CsvRow, column: string, file: string): number[] {
  const text = row.fields[column];
  if (text === undefined || text === '' || text === '-8') return [];
  return text.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n <= 0) throw new DatasetError(file, row.line, column, `"${text}" is not a list of war numbers`);
    return n;
  });
}
