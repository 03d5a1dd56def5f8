/**
 * Reading the public datasets' CSV files with csv-parse. Every row keeps its line number,
 * a malformed row becomes an error naming file, line and column, and rows that are skipped
 * are counted with the reason, never dropped silently.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';

/** A CSV row as text fields by column name, with the line it was read from. */
export interface CsvRow {
  line: number;
  fields: Record<string, string>;
}

/** A problem in a dataset file: which file, line and column, and what. */
export class DatasetError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}${line !== undefined ? `:${line}` : ''}${column !== undefined ? ` column "${column}"` : ''}: ${problem}`);
    this.name = 'DatasetError';
  }
}

/** Rows skipped on purpose, counted by reason. */
export type Skipped = Record<string, number>;

/** Adds one skipped row under a reason. */
export function skip(skipped: Skipped, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/**
 * Reads a CSV file with a header row. Line endings may be LF, CRLF or CR (COW's contiguity
 * file uses CR). Empty trailing header columns (spreadsheet re-saves) are ignored.
 * Throws DatasetError when the file cannot be read or a row is malformed.
 */
export function readCsv(path: string, required: readonly string[] = []): CsvRow[] {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DatasetError(file, undefined, undefined, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return parseCsv(text, file, required);
}

/** Parses CSV text; see readCsv. Pure. */
export function parseCsv(text: string, file: string, required: readonly string[] = []): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: false, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as never;
  } catch (error) {
    const e = error as Error & { lines?: number; column?: string | number };
    throw new DatasetError(file, e.lines, e.column === undefined ? undefined : String(e.column), e.message.replace(/^.*?: /, ''));
  }
  const [header, ...rows] = records;
  if (!header) throw new DatasetError(file, 1, undefined, 'the file is empty: a header row is expected');
  const names = header.record.map((name) => name.trim());
  for (const column of required) if (!names.includes(column)) throw new DatasetError(file, 1, column, 'missing column in the header');
  return rows.map(({ record, info }) => {
    const fields: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name !== '') fields[name] = (record[i] ?? '').trim();
    });
    return { line: info.lines, fields };
  });
}

/** A field as an integer, or a DatasetError naming file, line and column. */
export function intField(row: CsvRow, column: string, file: string): number {
  const value = numberField(row, column, file);
  if (!Number.isInteger(value)) throw new DatasetError(file, row.line, column, `"${row.fields[column]}" is not a whole number`);
  return value;
}

/** A field as a number, or a DatasetError naming file, line and column. */
export function numberField(row: CsvRow, column: string, file: string): number {
  const text = row.fields[column];
  if (text === undefined) throw new DatasetError(file, row.line, column, 'missing column');
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new DatasetError(file, row.line, column, `"${text}" is not a number`);
  return value;
}
