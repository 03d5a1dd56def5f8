/** COW National Material Capabilities (v6.0, abridged): CINC and its six components per state and year. */
import { DatasetError, intField, readCsv, skip, type Skipped } from './csv.js';
import { optionalNumber } from './fields.js';
import { DATASETS, dataPath } from './paths.js';

/** One state-year. COW's -9 ("missing") becomes undefined. */
export interface NmcRow {
  ccode: number;
  abbrev: string;
  year: number;
  cinc: number;
  milex?: number | undefined;
  milper?: number | undefined;
  irst?: number | undefined;
  pec?: number | undefined;
  tpop?: number | undefined;
  upop?: number | undefined;
}

const COMPONENTS = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'] as const;

/**
 * Reads the NMC file. A row without a CINC score is skipped and counted; a malformed row
 * throws DatasetError (file, line, column).
 */
export function readNmc(path: string = dataPath(...DATASETS.nmc)): { rows: NmcRow[]; skipped: Skipped } {
  const file = path.split(/[\\/]/).pop()!;
  const skipped: Skipped = {};
  const rows: NmcRow[] = [];
  for (const row of readCsv(path, ['stateabb', 'ccode', 'year', 'cinc', ...COMPONENTS])) {
    const cinc = optionalNumber(row, 'cinc', file);
    if (cinc === undefined) {
      skip(skipped, 'no CINC score (-9)');
      continue;
    }
    if (cinc < 0 || cinc > 1) throw new DatasetError(file, row.line, 'cinc', `${cinc} is not a share between 0 and 1`);
    const out: NmcRow = { ccode: intField(row, 'ccode', file), abbrev: row.fields.stateabb!, year: intField(row, 'year', file), cinc };
    for (const c of COMPONENTS) {
      const value = optionalNumber(row, c, file);
      if (value !== undefined && value < 0) throw new DatasetError(file, row.line, c, `${value} is negative and not COW's missing code -9`);
      if (value !== undefined) out[c] = value;
    }
    rows.push(out);
  }
  return { rows, skipped };
}
