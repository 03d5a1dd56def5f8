/** The built-in game context, shared by the game's tests. */
import { loadTurns } from '../../src/game/load.js';
import type { GameContext, GameSetup } from '../../src/game/state.js';
import { loadBuiltInScenario } from '../../src/model/load.js';

export const ctx: GameContext = { base: loadBuiltInScenario(), turns: loadTurns('interwar') };

/** A setup with the defaults of `casus play`, overridable. */
export function setup(patch: Partial<GameSetup> = {}): GameSetup {
  return { scenario: 'interwar', power: 'RUS', start: '1933-01-01', seed: 1, crises: null, ...patch };
}
