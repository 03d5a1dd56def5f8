/** COW Direct Contiguity (v3.1), master record: pairs of states, contiguity type 1–5, begin and end months. */
import { DatasetError, intField, readCsv, type Skipped } from './csv.js';
import { DATASETS, dataPath } from './paths.js';

/**
 * Contiguity type as COW codes it: 1 land or river border; 2, 3, 4, 5 separated by at most
 * 12, 24, 150, 400 miles of water.
 */
export type ContiguityType = 1 | 2 | 3 | 4 | 5;

/** One contiguity spell; `from` and `until` are inclusive months `YYYY-MM` as the file gives them. */
export interface ContiguityRow {
  a: string;
  b: string;
  aCode: number;
  bCode: number;
  type: ContiguityType;
  from: string;
  until: string;
  notes: string;
}

/** Reads the contiguity file (CR line endings). Throws DatasetError (file, line, column) on a malformed row. */
export function readContiguity(path: string = dataPath(...DATASETS.contiguity)): { rows: ContiguityRow[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const rows = readCsv(path, ['statelno', 'statelab', 'statehno', 'statehab', 'conttype', 'begin', 'end']).map((row): ContiguityRow => {
    const type = intField(row, 'conttype', file);
    if (type < 1 || type > 5) throw new DatasetError(file, row.line, 'conttype', `${type} is not a contiguity type (1–5)`);
    const from = month(row.fields.begin!, file, row.line, 'begin');
    const until = month(row.fields.end!, file, row.line, 'end');
    if (until < from) throw new DatasetError(file, row.line, 'end', `ends (${until}) before it begins (${from})`);
    return { a: row.fields.statelab!, b: row.fields.statehab!, aCode: intField(row, 'statelno', file), bCode: intField(row, 'statehno', file), type: type as ContiguityType, from, until, notes: row.fields.notes ?? '' };
  });
  return { rows, skipped: {} };
}

function month(text: string, file: string, line: number, column: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new DatasetError(file, line, column, `"${text}" is not a month YYYYMM`);
  return `${m[1]}-${m[2]}`;
}
