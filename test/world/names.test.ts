/** States by name or id, for the CLI and the API: exact, case- and accent-insensitive, unique prefix, suggestions on a near miss. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { QueryError } from '../../src/model/errors.js';
import { actWithStateIds, editDistance, foldName, stateIdOf } from '../../src/world/names.js';

const actors = loadBuiltInScenario().actors;
const errorOf = (text: string): string => {
  try {
    stateIdOf(actors, text, '--target');
  } catch (e) {
    expect(e).toBeInstanceOf(QueryError);
    return (e as Error).message;
  }
  throw new Error(`"${text}" was accepted`);
};

describe('stateIdOf', () => {
  it('takes ids and names in any case, with or without accents and extra spaces', () => {
    expect(stateIdOf(actors, 'GMY', 'x')).toBe('GMY');
    expect(stateIdOf(actors, 'gmy', 'x')).toBe('GMY');
    expect(stateIdOf(actors, 'Germany', 'x')).toBe('GMY');
    expect(stateIdOf(actors, 'czechoslovakia', 'x')).toBe('CZE');
    expect(stateIdOf(actors, '  SOVIET   union ', 'x')).toBe('RUS');
    expect(stateIdOf(actors, 'United Kingdom', 'x')).toBe('UKG');
  });

  it('takes the one name a prefix of three letters or more starts with', () => {
    expect(stateIdOf(actors, 'Czecho', 'x')).toBe('CZE');
    expect(stateIdOf(actors, 'Sov', 'x')).toBe('RUS');
  });

  it('refuses an unknown name, saying where, and suggests the near miss', () => {
    expect(errorOf('Germny')).toBe('--target: no state is called "Germny"; did you mean Germany (GMY)?');
    expect(errorOf('Poalnd')).toMatch(/did you mean Poland \(POL\)/);
    expect(errorOf('Atlantis')).toBe('--target: no state is called "Atlantis"');
  });

  it('refuses an ambiguous prefix and lists what it could mean', () => {
    const message = errorOf('Lu');
    expect(message).toMatch(/no state is called "Lu"/);
    const ambiguous = actors.filter((a) => foldName(a.name).startsWith('united'));
    if (ambiguous.length > 1) expect(errorOf('united')).toMatch(/could mean .*; say which/);
  });

  it('finds every actor by its id and by its name, whatever the case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...actors), fc.boolean(), fc.boolean(), (a, byName, upper) => {
        const text = byName ? a.name : a.id;
        expect(stateIdOf(actors, upper ? text.toUpperCase() : text.toLowerCase(), 'x')).toBe(a.id);
      }),
    );
  });

  it('suggests the right state for any one-letter slip in a name of eight letters or more', () => {
    const long = actors.filter((a) => foldName(a.name).length >= 8);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.constantFrom(...'qxzjw'), (a, at, letter) => {
        const name = foldName(a.name);
        const i = at % name.length;
        const slipped = name.slice(0, i) + letter + name.slice(i + 1);
        fc.pre(slipped !== name && !actors.some((b) => foldName(b.name) === slipped || foldName(b.name).startsWith(slipped)));
        expect(errorOf(slipped)).toContain(`${a.name} (${a.id})`);
      }),
    );
  });
});

describe('editDistance', () => {
  it('is a metric on small strings: zero on itself, symmetric, at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const limit = 10;
        expect(editDistance(a, a, limit)).toBe(0);
        expect(editDistance(a, b, limit)).toBe(editDistance(b, a, limit));
        expect(editDistance(a, b, limit)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('actWithStateIds', () => {
  it('turns every state of an act into its id and keeps the rest', () => {
    const act = actWithStateIds(actors, { attackers: ['Germany'], target: 'czechoslovakia', abstain: ['France'], transit: [{ grantor: 'Romania', grantee: 'Soviet Union' }], date: '1938-09-28' });
    expect(act).toEqual({ attackers: ['GMY'], target: 'CZE', abstain: ['FRN'], transit: [{ grantor: 'RUM', grantee: 'RUS' }], date: '1938-09-28' });
  });

  it('names the field that holds the unknown state', () => {
    expect(() => actWithStateIds(actors, { attackers: ['GMY'], target: 'CZE', transit: [{ grantor: 'Rumania', grantee: 'RUS' }] })).toThrow(/^transit grantor: no state is called "Rumania"; did you mean Romania \(RUM\)\?$/);
  });
});
