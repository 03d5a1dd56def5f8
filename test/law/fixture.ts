/** The hand-made fixture scenario of the law tests, read once. */
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../../src/model/load.js';
import type { Scenario } from '../../src/model/schema.js';
import { worldAt, type World } from '../../src/world/world.js';

let mini: Scenario | undefined;

/** The miniature Europe of test/fixtures/mini.yaml. */
export function miniScenario(): Scenario {
  mini ??= loadScenarioFile(fileURLToPath(new URL('../fixtures/mini.yaml', import.meta.url)));
  return mini;
}

/** The fixture's world on a day. */
export function miniWorld(day = '1938-09-28'): World {
  return worldAt(miniScenario(), day);
}
