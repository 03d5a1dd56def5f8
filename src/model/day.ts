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
  return addDays(day, 1);
}

/** The day before. Pure. */
export function previousDay(day: Day): Day {
  return addDays(day, -1);
}

/** The day `n` days later (earlier when negative). Pure. */
export function addDays(day: Day, n: number): Day {
  return dayFromNumber(dayNumber(day) + n);
}

/** Whole days from `a` to `b` (negative when b is earlier). Pure. */
export function daysBetween(a: Day, b: Day): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar, in integers only (H. Hinnant's
 * days_from_civil), so that no day arithmetic depends on Date or the host's time zone. Pure.
 */
export function dayNumber(day: Day): number {
  const [y0, m, d] = day.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The inverse of `dayNumber` (Hinnant's civil_from_days). Pure. */
export function dayFromNumber(n: number): Day {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fromParts(y, m, d);
}
