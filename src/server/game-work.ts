/**
 * The game's heavy work, run on a worker thread like every other (./tasks.ts): replaying a stored
 * game from its setup and moves, and playing new moves after it, on the scenario the game was set up
 * on. Each crisis runs the resolver and a simulation, so a move can take a second; off the event
 * loop, /api/health keeps answering.
 */
import { playScript, replay } from '../game/game.js';
import { loadTurns } from '../game/load.js';
import type { Move } from '../game/moves.js';
import type { GameContext, GameSetup, GameState } from '../game/state.js';
import { scenarioOf, type ScenarioRef } from './thread-scenarios.js';

/** A game to replay, and optionally moves to play after it. */
export interface GameTask {
  op: 'game';
  /** The scenario the game is played on, as the server holds it (the setup's hash is checked against it before). */
  scenario: ScenarioRef;
  /** The scenario whose crisis turns are played (scenarios/<id>/game.yaml). */
  turns: string;
  setup: GameSetup;
  /** The moves already stored, replayed as they were played. */
  stored: Move[];
  /** New moves, played after the stored ones (the next crises follow as the script says). */
  moves?: Move[] | undefined;
  finish?: boolean | undefined;
}

const CONTEXTS_KEPT = 4;
const contexts = new Map<string, GameContext>();

/** The context of a scenario and its turns, parsed once per thread and kept (the most recently used few). */
function gameContext(task: GameTask): GameContext {
  const key = `${task.scenario.hash} ${task.turns}`;
  let ctx = contexts.get(key);
  if (ctx) contexts.delete(key);
  else ctx = { base: scenarioOf(task.scenario), turns: loadTurns(task.turns) };
  contexts.set(key, ctx);
  if (contexts.size > CONTEXTS_KEPT) contexts.delete(contexts.keys().next().value!);
  return ctx;
}

const KEPT = 16;
const kept = new Map<string, GameState>();

/** A stored game's state, replayed once per thread and kept (the most recently used few). */
function replayed(ctx: GameContext, task: GameTask): GameState {
  const key = JSON.stringify([task.scenario.hash, task.turns, task.setup, task.stored]);
  let state = kept.get(key);
  if (state) kept.delete(key);
  else state = replay(ctx, task.setup, task.stored);
  kept.set(key, state);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return state;
}

/** Replays the game and plays the new moves. Deterministic: the game's seed is in its state. Throws QueryError on a move the game does not allow. */
export function performGame(task: GameTask): GameState {
  const ctx = gameContext(task);
  const state = replayed(ctx, task);
  if (!task.moves?.length && !task.finish) return state;
  return playScript(ctx, task.setup, task.moves ?? [], { from: state, finish: task.finish });
}
