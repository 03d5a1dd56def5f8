/** Parameters: documented, overridable, and refused out of range with a message naming them. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/model/errors.js';
import { checkParameter, parseParameterOption, PARAMETERS, resolveParameters } from '../../src/sim/parameters.js';
import { prepareAct } from '../../src/sim/simulate.js';
import { europe, MUNICH } from './helpers.js';

describe('parameters', () => {
  it('every parameter has a rationale and a default inside its range', () => {
    expect(PARAMETERS.length).toBeGreaterThan(20);
    for (const p of PARAMETERS) {
      expect(p.doc.length, p.name).toBeGreaterThan(40);
      expect(p.default, p.name).toBeGreaterThanOrEqual(p.min);
      expect(p.default, p.name).toBeLessThanOrEqual(p.max);
    }
    expect(PARAMETERS.find((p) => p.name === 'sim-base-rate')!.default).toBe(0.75);
  });

  it('values out of range are rejected, naming the parameter and the range', () => {
    for (const p of PARAMETERS) {
      const below = p.min - 1e-6;
      expect(() => checkParameter(p.name, below, '--param')).toThrow(QueryError);
      expect(() => checkParameter(p.name, p.max + 1, '--param')).toThrow(`parameter "${p.name}" = ${p.max + 1} is out of range [${p.min}, ${p.max}]`);
    }
    expect(() => parseParameterOption('sim-base-rate=1.5')).toThrow('--param: parameter "sim-base-rate" = 1.5 is out of range [0.01, 0.99]');
    expect(() => parseParameterOption('sim-base-rate=high')).toThrow('must be a number in [0.01, 0.99], not "high"');
    expect(() => parseParameterOption('sim-base-rat=0.5')).toThrow('unknown parameter "sim-base-rat"');
    expect(() => parseParameterOption('nonsense')).toThrow('expected name=value');
  });

  it('a scenario parameter out of range is rejected too, and a valid one is used', () => {
    expect(() => resolveParameters({ 'sim-odds-convention': { value: 0 } as never })).toThrow(QueryError);
    expect(() => resolveParameters({ 'sim-odds-convention': 0 })).toThrow('scenario parameters: parameter "sim-odds-convention" = 0 is out of range [0.01, 100]');
    expect(resolveParameters({ 'sim-odds-convention': 3, 'fr-su-waits-for-league': true })['sim-odds-convention']).toBe(3);
    // the command line wins over the scenario
    expect(resolveParameters({ 'sim-base-rate': 0.5 }, { 'sim-base-rate': 0.6 })['sim-base-rate']).toBe(0.6);
  });

  it('any value inside the range is accepted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAMETERS), fc.double({ min: 0, max: 1, noNaN: true }), (p, t) => {
        const value = p.min + t * (p.max - p.min);
        expect(checkParameter(p.name, value, 'test')).toBe(value);
      }),
    );
  });

  it('a lower base rate lowers every probability of honouring', () => {
    const high = prepareAct({ scenario: europe(), act: MUNICH, parameters: { 'sim-base-rate': 0.9 } });
    const low = prepareAct({ scenario: europe(), act: MUNICH, parameters: { 'sim-base-rate': 0.5 } });
    high.compiled.deciders.forEach((d, i) => expect(low.compiled.deciders[i]!.p).toBeLessThan(d.p));
  });
});
