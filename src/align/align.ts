/** Alignment prediction for a scenario on a day: landscape inputs from the scenario, then the search. Pure. */
import { inInterval, type Day } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { searchLandscape, type Configuration, type LandscapeResult, type SearchOptions } from './landscape.js';
import { landscapeInputs, type LandscapeInputs, type PropensityOptions, type Variant } from './propensity.js';

export interface Alignment {
  at: Day;
  k: number;
  states: string[];
  coalitions: string[][];
  energy: number;
  runnersUp: { coalitions: string[][]; energy: number }[];
  method: LandscapeResult['method'];
  runnersUpMethod: LandscapeResult['runnersUpMethod'];
  searched: number;
  sizes: Record<string, number>;
  pairs: LandscapeInputs['pairs'];
  variant: Variant;
  gaps: string[];
}

/**
 * Predicts the coalitions among `states` on `day`. States without a CINC score get size 0
 * (they then sit wherever, and the gaps list says so). Pure. Throws QueryError for a day outside
 * the scenario or a state that is unknown or does not exist that day; RangeError for a bad search option.
 */
export function alignOn(scenario: Scenario, day: Day, states: readonly string[], options: SearchOptions & PropensityOptions = {}): Alignment {
  if (!inInterval(day, scenario.span)) throw new QueryError(`${day} is outside scenario "${scenario.id}", which covers ${scenario.span.from} to ${scenario.span.until} (exclusive)`);
  for (const id of states) {
    const actor = scenario.actors.find((a) => a.id === id);
    if (!actor) throw new QueryError(`unknown state "${id}" in scenario "${scenario.id}"`);
    if (!actor.exists.some((spell) => inInterval(day, spell))) throw new QueryError(`${id} does not exist on ${day}`);
  }
  const inputs = landscapeInputs(scenario, day, states, options);
  const sizes = inputs.sizes.map((s) => s ?? 0);
  const result = searchLandscape({ ids: inputs.ids, sizes, propensity: inputs.propensity }, options);
  const plain = (c: Configuration) => ({ coalitions: c.coalitions, energy: c.energy });
  return {
    at: day,
    k: options.k ?? 2,
    states: inputs.ids,
    ...plain(result.best),
    runnersUp: result.runnersUp.map(plain),
    method: result.method,
    runnersUpMethod: result.runnersUpMethod,
    searched: result.searched,
    sizes: Object.fromEntries(inputs.ids.map((id, i) => [id, sizes[i]!])),
    pairs: inputs.pairs,
    variant: inputs.variant,
    gaps: inputs.gaps,
  };
}

/** The seventeen European states of Axelrod & Bennett's 1936 test. */
export const AXELROD_BENNETT_1936 = ['UKG', 'CZE', 'DEN', 'EST', 'FIN', 'FRN', 'GMY', 'GRC', 'HUN', 'ITA', 'LAT', 'LIT', 'POL', 'POR', 'RUM', 'RUS', 'YUG'] as const;
