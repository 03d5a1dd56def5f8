/**
 * Calendar days and half-open intervals. A day is an ISO string `YYYY-MM-DD`;
 * such strings sort lexicographically in calendar order, so comparisons are plain
 * string comparisons and no Date object (or time zone) is ever involved.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** A half-open interval `[from, until)`; a missing end is open. */
export interface Interval {
  from?: Day | undefined;
  until?: Day | undefined;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the proleptic Gregorian calendar. Pure. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Pure. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Why a string is not a calendar day, or undefined when it is one. Pure. */
export function dayProblem(text: string): string | undefined {
  const m = DAY_PATTERN.exec(text);
  if (!m) return `"${text}" is not a day of the form YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `${text} has no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) return `${text} does not exist: month ${month} of ${year} has ${daysInMonth(year, month)} days`;
  return undefined;
}

/** True when the string is a real calendar day. Pure. */
export function isDay(text: string): boolean {
  return dayProblem(text) === undefined;
}

/** Parses a day, throwing a RangeError that says why when it is not one. */
export function parseDay(text: string): Day {
  const problem = dayProblem(text);
  if (problem) throw new RangeError(problem);
  return text;
}

/** True when `day` lies in `[from, until)`. Pure. */
export function inInterval(day: Day, interval: Interval): boolean {
  return (interval.from === undefined || interval.from <= day) && (interval.until === undefined || day < interval.until);
}

/** True when the two intervals share at least one day. Pure. */
export function intervalsOverlap(a: Interval, b: Interval): boolean {
  const startsBeforeBEnds = a.from === undefined || b.until === undefined || a.from < b.until;
  const bStartsBeforeAEnds = b.from === undefined || a.until === undefined || b.from < a.until;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}

/** The year of a day. Pure. */
export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromParts(year: number, month: number, day: number): Day {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The same calendar day `years` later; 29 February falls back to the 28th. Pure. */
export function addYears(day: Day, years: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return fromParts(year, m, Math.min(d, daysInMonth(year, m)));
}

/** The day after. Pure. */
export function nextDay(day: Day): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (d < daysInMonth(y, m)) return fromParts(y, m, d + 1);
  if (m < 12) return fromParts(y, m + 1, 1);
  return fromParts(y + 1, 1, 1);
}

/** Whole days from `a` to `b` (negative when b is earlier). Pure. */
export function daysBetween(a: Day, b: Day): number {
  return (Date.UTC(...utcParts(b)) - Date.UTC(...utcParts(a))) / 86_400_000;
}

function utcParts(day: Day): [number, number, number] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m - 1, d];
}
