/** Days are strings; these properties keep their arithmetic honest against the platform's calendar. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, dayFromNumber, dayNumber, dayProblem, daysBetween, inInterval, intervalsOverlap, isDay, nextDay, previousDay } from '../../src/model/day.js';

const dateArb = fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
const dayArb = dateArb.map((d) => d.toISOString().slice(0, 10));

describe('days', () => {
  it('accepts every real calendar day and rejects impossible ones', () => {
    fc.assert(fc.property(dayArb, (day) => isDay(day)));
    expect(dayProblem('1938-02-30')).toBe('1938-02-30 does not exist: month 2 of 1938 has 28 days');
    expect(isDay('1936-02-29')).toBe(true);
    expect(isDay('1900-02-29')).toBe(false);
    expect(isDay('2000-02-29')).toBe(true);
    expect(isDay('1938-13-01')).toBe(false);
    expect(isDay('1938-9-1')).toBe(false);
  });

  it('nextDay agrees with the platform calendar', () => {
    fc.assert(
      fc.property(dateArb, (d) => {
        const day = d.toISOString().slice(0, 10);
        const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)).toISOString().slice(0, 10);
        expect(nextDay(day)).toBe(next);
        expect(daysBetween(day, next)).toBe(1);
      }),
    );
  });

  it('the Covenant’s two years of notice land on the same calendar day', () => {
    expect(addYears('1933-03-27', 2)).toBe('1935-03-27');
    expect(addYears('1936-02-29', 2)).toBe('1938-02-28');
    fc.assert(fc.property(dayArb, fc.integer({ min: 0, max: 10 }), (day, n) => isDay(addYears(day, n)) && addYears(day, n) >= day));
  });

  it('intervals are half-open and overlap symmetrically', () => {
    expect(inInterval('1938-03-13', { from: '1938-03-13' })).toBe(true);
    expect(inInterval('1938-03-13', { until: '1938-03-13' })).toBe(false);
    fc.assert(
      fc.property(dayArb, dayArb, dayArb, dayArb, (a, b, c, d) => {
        const x = { from: a < b ? a : b, until: a < b ? b : a };
        const y = { from: c < d ? c : d, until: c < d ? d : c };
        expect(intervalsOverlap(x, y)).toBe(intervalsOverlap(y, x));
        if (x.from < x.until && inInterval(x.from, y)) expect(intervalsOverlap(x, y)).toBe(true);
      }),
    );
  });
});

describe('integer day numbers', () => {
  it('dayNumber agrees with the platform calendar and dayFromNumber inverts it', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        const day = d.toISOString().slice(0, 10);
        expect(dayNumber(day)).toBe(Math.floor(d.getTime() / 86_400_000));
        expect(dayFromNumber(dayNumber(day))).toBe(day);
        expect(daysBetween(day, addDays(day, n))).toBe(n);
      }),
    );
  });

  it('knows the epoch, leap days and the day before', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(addDays('1936-02-28', 1)).toBe('1936-02-29');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(previousDay('1939-01-01')).toBe('1938-12-31');
  });
});
