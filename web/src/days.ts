/** Calendar arithmetic for the timeline, on UTC days, and the check of a day someone typed or put in the address. Pure. */
import { addDays, daysBetween, isDay } from '../../src/model/day.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days from `from` to `day`. */
export function dayIndex(from: string, day: string): number {
  return daysBetween(from, day);
}

/** The day `index` days after `from`. */
export function dayAt(from: string, index: number): string {
  return addDays(from, index);
}

/** True for a real calendar day written YYYY-MM-DD (no 1938-02-30, no 1938-13-45). */
export function isCalendarDay(text: string): boolean {
  return isDay(text);
}

/** "1938-09-28" as "28 September 1938"; anything else is returned as written. */
export function longDate(day: string): string {
  if (!isCalendarDay(day)) return day;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A day checked against a scenario's span [from, until): the day to show, and what was wrong with the one asked for. */
export interface CheckedDay {
  day: string;
  problem?: string;
}

/**
 * The day to show for `text` in the span [from, until): the day itself when it is a calendar
 * day inside, the nearest day inside when it is outside, `fallback` when it is no day at all;
 * with a sentence that says what was asked and what is shown instead.
 */
export function checkDay(text: string, span: { from: string; until: string }, fallback: string): CheckedDay {
  const last = dayAt(span.until, -1);
  if (!isCalendarDay(text)) {
    const why = /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'is not a day of the calendar' : 'is not a day written YYYY-MM-DD';
    return { day: fallback, problem: `“${text}” ${why}; showing ${longDate(fallback)}.` };
  }
  if (text < span.from) return { day: span.from, problem: `${longDate(text)} is before the scenario begins; showing its first day, ${longDate(span.from)}.` };
  if (text > last) return { day: last, problem: `${longDate(text)} is after the scenario ends; showing its last day, ${longDate(last)}.` };
  return { day: text };
}
