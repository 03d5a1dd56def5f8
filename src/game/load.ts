/** Reading a scenario's crisis turns from disk: the only part of `game` that touches the file system. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QueryError } from '../model/errors.js';
import { parseTurns, type Turn } from './turns.js';

const cache = new Map<string, Turn[]>();

/** The turns of a built-in scenario (scenarios/<id>/game.yaml), read once. Throws QueryError when it has none, ScenarioError when the file is broken. */
export function loadTurns(scenarioId: string): Turn[] {
  const cached = cache.get(scenarioId);
  if (cached) return cached;
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(scenarioId)) throw new QueryError(`no game for scenario "${scenarioId}"`);
  const file = fileURLToPath(new URL(`../../scenarios/${scenarioId}/game.yaml`, import.meta.url));
  if (!existsSync(file)) throw new QueryError(`scenario "${scenarioId}" has no crisis turns (scenarios/${scenarioId}/game.yaml): it cannot be played`);
  const turns = parseTurns(readFileSync(file, 'utf8'), `scenarios/${scenarioId}/game.yaml`);
  cache.set(scenarioId, turns);
  return turns;
}
