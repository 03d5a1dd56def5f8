import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sorted } from '../../src/world/sorting.js';

describe('sorted', () => {
  it('gives the distinct ids in code-unit order, as a Set and a sort would, and never touches its input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 30 }), (ids) => {
        const before = [...ids];
        expect(sorted(ids)).toEqual([...new Set(ids)].sort());
        expect(sorted(new Set(ids))).toEqual([...new Set(ids)].sort());
        expect(ids).toEqual(before);
      }),
    );
  });

  it('returns a new array even when there is nothing to sort', () => {
    const one = ['GMY'];
    expect(sorted(one)).not.toBe(one);
  });
});
