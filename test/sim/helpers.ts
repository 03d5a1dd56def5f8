/** Shared set-up of the simulator tests: the small Europe fixture and its two crises. */
import { loadScenarioFile } from '../../src/model/load.js';
import type { Scenario } from '../../src/model/schema.js';

export const FIXTURE = new URL('../fixtures/sim-europe.yaml', import.meta.url).pathname;
export const MUNICH = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
export const POLAND = { attackers: ['GMY'], target: 'POL', date: '1939-09-01' };

let cached: Scenario | undefined;
/** The fixture scenario, read once. */
export function europe(): Scenario {
  cached ??= loadScenarioFile(FIXTURE);
  return cached;
}

/** Freezes an object and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
