/** Reading a scenario's crisis turns from disk: the only part of `game` that touches the file system. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QueryError } from '../model/errors.js';
import { parseTurns, type Turn } from './turns.js';

const cache = new Map<string, Turn[]>();
const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const fileOf = (scenarioId: string) => fileURLToPath(new URL(`../../scenarios/${scenarioId}/game.yaml`, import.meta.url));

/**
 * The scenario whose crises a scenario without a game file of its own plays: the built-in one, whose
 * turns are the decade's crises. On a scenario that lacks a crisis's states or days, that crisis is
 * played as unresolvable or outside the span, as the game says, never silently on another scenario.
 */
export const DEFAULT_GAME = 'interwar';

/** The id of the first of these scenarios with a game file (a derived scenario names its base after itself), else DEFAULT_GAME. */
export function turnsSourceOf(scenarioIds: readonly string[]): string {
  return scenarioIds.find((id) => ID.test(id) && existsSync(fileOf(id))) ?? DEFAULT_GAME;
}

/** The turns of a built-in scenario (scenarios/<id>/game.yaml), read once. Throws QueryError when it has none, ScenarioError when the file is broken. */
export function loadTurns(scenarioId: string): Turn[] {
  const cached = cache.get(scenarioId);
  if (cached) return cached;
  if (!ID.test(scenarioId)) throw new QueryError(`no game for scenario "${scenarioId}"`);
  const file = fileOf(scenarioId);
  if (!existsSync(file)) throw new QueryError(`scenario "${scenarioId}" has no crisis turns (scenarios/${scenarioId}/game.yaml): it cannot be played`);
  const turns = parseTurns(readFileSync(file, 'utf8'), `scenarios/${scenarioId}/game.yaml`);
  cache.set(scenarioId, turns);
  return turns;
}
