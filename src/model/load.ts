/**
 * Reading scenarios from disk, and the built-in scenario. The only part of `model` that
 * touches the file system; everything it returns has passed `parseScenario`.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
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
 * inside the main file's folder, symbolic links resolved. Throws ScenarioError naming file,
 * path and line.
 */
export function loadScenarioFile(path: string): Scenario {
  const file = resolve(path);
  const shown = (p: string) => relative(process.cwd(), p) || p;
  const text = readBounded(file, shown(file));
  const root = realpathSync(dirname(file));
  return parseScenario(text, shown(file), (relativePath) => {
    const target = resolve(dirname(file), relativePath);
    // Compared after resolving links, so that a link inside the folder cannot point outside it.
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      real = target;
    }
    if (isAbsolute(relativePath) || !(real + sep).startsWith(root + sep) || real === realpathSync(file)) {
      throw new Error('an include must be a relative path inside the scenario\'s folder');
    }
    return { text: readBounded(target, shown(target)), file: shown(target) };
  });
}

/**
 * Reads a scenario, overlay or catalogue file as UTF-8 text: refuses what is not a regular file
 * (a FIFO would block for ever), a file over the size limit (before reading it), and text that is
 * not UTF-8 (naming UTF-16, which some editors write). Throws ScenarioError naming the file.
 */
export function readScenarioText(file: string, shown = file): string {
  return readBounded(file, shown);
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
  const bytes = readFileSync(file);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ScenarioError([{ file: shown, path: [], message: 'is UTF-16 text; save it as UTF-8' }]);
  }
  // YAML and JSON never hold a raw NUL; UTF-16 without a byte-order mark is full of them.
  if (bytes.includes(0)) throw new ScenarioError([{ file: shown, path: [], message: 'is not UTF-8 text (it has NUL bytes: UTF-16 without a byte-order mark, or not text at all); save it as UTF-8' }]);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ScenarioError([{ file: shown, path: [], message: 'is not UTF-8 text; save it as UTF-8' }]);
  }
}
