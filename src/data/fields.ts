/**
 * Field helpers shared by the dataset readers: dataset codes for "missing" become undefined,
 * dates split over three columns become Days, and anything else malformed is a DatasetError
 * naming file, line and column.
 */
import { dayProblem, nextDay, type Day } from '../model/day.js';
import { DatasetError, intField, type CsvRow } from './csv.js';

/**
 * An integer field where the given codes (COW: -9 unknown, -8 not applicable; ATOP: empty)
 * mean "no value". Returns undefined for those; throws DatasetError when the text is not a whole number.
 */
export function optionalInt(row: CsvRow, column: string, file: string, missing: readonly number[] = [-9, -8]): number | undefined {
  const text = row.fields[column];
  if (text === undefined) throw new DatasetError(file, row.line, column, 'missing column');
  if (text === '') return undefined;
  const value = intField(row, column, file);
  return missing.includes(value) ? undefined : value;
}

/** A number field where the codes given mean "no value" (undefined); throws DatasetError when it is not a number. */
export function optionalNumber(row: CsvRow, column: string, file: string, missing: readonly number[] = [-9]): number | undefined {
  const text = row.fields[column];
  if (text === undefined) throw new DatasetError(file, row.line, column, 'missing column');
  if (text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new DatasetError(file, row.line, column, `"${text}" is not a number`);
  return missing.includes(value) ? undefined : value;
}

/** A calendar day from year, month and day numbers, or a DatasetError naming the day column. Pure apart from throwing. */
export function dayOf(year: number, month: number, day: number, file: string, line: number, column: string): Day {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const problem = year < 1 || year > 9999 ? `year ${year} is out of range` : dayProblem(text);
  if (problem) throw new DatasetError(file, line, column, problem);
  return text;
}

/** The first day of the month after year-month. Pure. */
export function firstOfNextMonth(year: number, month: number): Day {
  return month === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The day after a COW end date: COW end dates are inclusive, casus intervals are half-open. Pure. */
export function dayAfter(day: Day): Day {
  return nextDay(day);
}
