/** COW State System Membership (v2016): who was a member of the interstate system, from when until when. */
import type { Day } from '../model/day.js';
import { DatasetError, intField, readCsv, type Skipped } from './csv.js';
import { dayAfter, dayOf } from './fields.js';
import { DATASETS, dataPath } from './paths.js';

/** One spell of membership. `until` is exclusive: the day after COW's end date. */
export interface StateSpell {
  ccode: number;
  abbrev: string;
  name: string;
  from: Day;
  until: Day;
}

const COLUMNS = ['stateabb', 'ccode', 'statenme', 'styear', 'stmonth', 'stday', 'endyear', 'endmonth', 'endday'] as const;

/** Reads the state system file. Throws DatasetError (file, line, column) on a malformed row. */
export function readStateSystem(path: string = dataPath(...DATASETS.states)): { spells: StateSpell[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const spells = readCsv(path, COLUMNS).map((row): StateSpell => {
    const abbrev = row.fields.stateabb!;
    const name = row.fields.statenme!;
    if (!/^[A-Z]{2,3}$/.test(abbrev)) throw new DatasetError(file, row.line, 'stateabb', `"${abbrev}" is not a COW state abbreviation`);
    if (!name) throw new DatasetError(file, row.line, 'statenme', 'the state has no name');
    const from = dayOf(intField(row, 'styear', file), intField(row, 'stmonth', file), intField(row, 'stday', file), file, row.line, 'stday');
    const end = dayOf(intField(row, 'endyear', file), intField(row, 'endmonth', file), intField(row, 'endday', file), file, row.line, 'endday');
    if (end < from) throw new DatasetError(file, row.line, 'endyear', `ends (${end}) before it starts (${from})`);
    return { ccode: intField(row, 'ccode', file), abbrev, name, from, until: dayAfter(end) };
  });
  return { spells, skipped: {} };
}
