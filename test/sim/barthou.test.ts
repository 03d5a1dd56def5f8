/** The seed's turning point as a counterfactual on the built-in scenario: Barthou is not assassinated. */
import { describe, expect, it } from 'vitest';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { applyOverlays, parseOverlays } from '../../src/sim/overlay.js';
import { worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const barthouLives = applyOverlays(scenario, parseOverlays('id: barthou-lives\ntitle: Barthou is not assassinated\nchanges:\n  - { op: remove-event, event: barthou-assassinated }\n', 'barthou.yaml'));

function france(s: typeof scenario, day: string) {
  const state = worldAt(s, day).states.find((x) => x.id === 'FRN')!;
  return { minister: state.leaders.find((l) => l.role === 'foreign-minister')?.name, lines: state.lines };
}

describe('Barthou is not assassinated', () => {
  it('history: Laval follows Barthou and France turns evasive', () => {
    expect(france(scenario, '1935-06-01')).toEqual({ minister: 'Pierre Laval', lines: ['evasive'] });
  });

  it('counterfactual: Barthou stays at the Quai d’Orsay and France keeps to collective security', () => {
    expect(france(barthouLives, '1935-06-01')).toEqual({ minister: 'Louis Barthou', lines: ['collective-security'] });
  });

  it('later facts the event did not cause stand: Bonnet is foreign minister at Munich either way', () => {
    expect(france(barthouLives, '1938-09-28').minister).toBe('Georges Bonnet');
    expect(france(scenario, '1938-09-28').minister).toBe('Georges Bonnet');
  });

  it('the event itself is gone from the counterfactual scenario, and the original is untouched', () => {
    expect(barthouLives.events.some((e) => e.id === 'barthou-assassinated')).toBe(false);
    expect(scenario.events.some((e) => e.id === 'barthou-assassinated')).toBe(true);
  });
});
