/**
 * The built-in scenario compiled once: parsing and validating its YAML takes most of a command's start,
 * so the validated scenario is kept as JSON under `.casus/cache/` (ignored by git), named by a hash of
 * everything that shapes it — every file of the scenario's folder and the model modules that parse and
 * validate it. Change any of them and the name changes, so a stale entry is never read. A cache that
 * cannot be written (a read-only install) is skipped silently: it only saves time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from './schema.js';

/** Bumped when the cache's format changes. */
const FORMAT = 'casus-scenario-cache/1';
const HERE = dirname(fileURLToPath(import.meta.url));
const EXTENSION = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';
/** The modules whose code decides what a scenario file parses to. */
const PARSERS = ['schema', 'classroom', 'parse', 'json-text', 'validate', 'load', 'day'];

/** Where cached scenarios live: `.casus/cache` at the repository's root. */
export const CACHE_DIR = fileURLToPath(new URL('../../.casus/cache/', import.meta.url));

/** The content hash of a scenario folder together with the parser's code. Reads the files; throws if they cannot be read. */
export function scenarioKey(folder: string): string {
  const hash = createHash('sha256').update(FORMAT);
  for (const name of readdirSync(folder).sort()) {
    hash.update(`\0${name}\0`).update(readFileSync(join(folder, name)));
  }
  for (const module of PARSERS) hash.update(`\0${module}\0`).update(readFileSync(join(HERE, module + EXTENSION)));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The scenario of `folder`, from the cache when an entry of its key exists, else from `load()` (which
 * validates, and throws for a broken scenario, caching nothing); the result is then stored.
 */
export function cachedScenario(folder: string, load: () => Scenario, cacheDir = CACHE_DIR): Scenario {
  let key: string;
  try {
    key = scenarioKey(folder);
  } catch {
    return load(); // a folder that cannot be read: the loader says why
  }
  const file = join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Scenario;
  } catch {
    // No entry yet, or an unreadable one: compile.
  }
  const scenario = load();
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(scenario));
    renameSync(temporary, file); // atomic: a concurrent reader sees all or nothing
  } catch {
    // Read-only or full: run without the cache.
  }
  return scenario;
}
