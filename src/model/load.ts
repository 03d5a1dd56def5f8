/**
 * Reading scenarios from disk, and the built-in scenario. The only part of `model` that
 * touches the file system; everything it returns has passed `parseScenario`.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioError } from './errors.js';
import { cachedScenario } from './scenario-cache.js';
import { MAX_SCENARIO_CHARS, parseScenario } from './parse.js';
import type { Scenario } from './schema.js';

/** Path of the built-in scenario's main file. */
export const BUILT_IN_SCENARIO = fileURLToPath(new URL('../../scenarios/interwar/scenario.yaml', import.meta.url));

let builtIn: Scenario | undefined;

/** The built-in `interwar` scenario, read once (compiled once per content, see ./scenario-cache.ts). Throws ScenarioError if it is broken. */
export function loadBuiltInScenario(): Scenario {
  builtIn ??= cachedScenario(dirname(BUILT_IN_SCENARIO), () => loadScenarioFile(BUILT_IN_SCENARIO));
  return builtIn;
}

/**
 * Reads and validates a scenario file (YAML or JSON) with its includes. Includes must stay
 * inside the main file's folder. Throws ScenarioError naming file, path and line.
 */
export function loadScenarioFile(path: string): Scenario {
  const file = resolve(path);
  const root = dirname(file);
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const text = readBounded(file, shown(file));
  return parseScenario(text, shown(file), (relativePath) => {
    const target = resolve(root, relativePath);
    if (isAbsolute(relativePath) || !(target + sep).startsWith(root + sep) || target === file) {
      throw new Error('an include must be a relative path inside the scenario\'s folder');
    }
    return { text: readBounded(target, shown(target)), file: shown(target) };
  });
}

function readBounded(file: string, shown: string): string {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ScenarioError([{ file: shown, path: [], message: 'is not a file' }]);
    size = stat.size;
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw new ScenarioError([{ file: shown, path: [], message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }]);
  }
  // Checked before reading, so that a file of hundreds of megabytes is never loaded.
  if (size > MAX_SCENARIO_CHARS) {
    throw new ScenarioError([{ file: shown, path: [], message: `is ${(size / 1048576).toFixed(0)} MiB; a scenario file may be at most ${MAX_SCENARIO_CHARS / 1048576} MiB` }]);
  }
  return readFileSync(file, 'utf8');
}
