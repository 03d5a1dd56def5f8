/**
 * The game's heavy work, run on a worker thread like every other (./tasks.ts): replaying a stored
 * game from its setup and moves, and playing new moves after it. Each crisis runs the resolver and
 * a simulation, so a move can take a second; off the event loop, /api/health keeps answering.
 */
import { playScript, replay } from '../game/game.js';
import { loadTurns } from '../game/load.js';
import type { Move } from '../game/moves.js';
import type { GameContext, GameSetup, GameState } from '../game/state.js';
import { loadBuiltInScenario } from '../model/load.js';

/** A game to replay, and optionally moves to play after it. */
export interface GameTask {
  op: 'game';
  setup: GameSetup;
  /** The moves already stored, replayed as they were played. */
  stored: Move[];
  /** New moves, played after the stored ones (the next crises follow as the script says). */
  moves?: Move[] | undefined;
  finish?: boolean | undefined;
}

let context: GameContext | undefined;
const gameContext = (): GameContext => (context ??= { base: loadBuiltInScenario(), turns: loadTurns(loadBuiltInScenario().id) });

const KEPT = 16;
const kept = new Map<string, GameState>();

/** A stored game's state, replayed once per thread and kept (the most recently used few). */
function replayed(setup: GameSetup, stored: Move[]): GameState {
  const key = JSON.stringify([setup, stored]);
  let state = kept.get(key);
  if (state) kept.delete(key);
  else state = replay(gameContext(), setup, stored);
  kept.set(key, state);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return state;
}

/** Replays the game and plays the new moves. Deterministic: the game's seed is in its state. Throws QueryError on a move the game does not allow. */
export function performGame(task: GameTask): GameState {
  const state = replayed(task.setup, task.stored);
  if (!task.moves?.length && !task.finish) return state;
  return playScript(gameContext(), task.setup, task.moves ?? [], { from: state, finish: task.finish });
}
