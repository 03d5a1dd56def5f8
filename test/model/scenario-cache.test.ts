/** The built-in scenario's compile cache: a hit gives what a fresh parse gives; any change of content is a new key. */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIO, loadScenarioFile } from '../../src/model/load.js';
import { cachedScenario, scenarioKey } from '../../src/model/scenario-cache.js';

const work = mkdtempSync(join(tmpdir(), 'casus-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scenario cache', () => {
  const folder = join(work, 'interwar');
  cpSync(dirname(BUILT_IN_SCENARIO), folder, { recursive: true });
  const cacheDir = join(work, 'cache');
  const load = () => loadScenarioFile(join(folder, 'scenario.yaml'));

  it('stores the validated scenario once and reads back the same scenario', () => {
    let loads = 0;
    const counted = () => (loads++, load());
    const first = cachedScenario(folder, counted, cacheDir);
    const second = cachedScenario(folder, counted, cacheDir);
    expect(loads).toBe(1);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(second).toEqual(JSON.parse(JSON.stringify(first)));
  });

  it('keys by content: a changed file gives a new key and a fresh parse', () => {
    const before = scenarioKey(folder);
    appendFileSync(join(folder, 'events.yaml'), '\n# a comment changes the key\n');
    expect(scenarioKey(folder)).not.toBe(before);
    let loads = 0;
    cachedScenario(folder, () => (loads++, load()), cacheDir);
    expect(loads).toBe(1);
  });

  it('caches nothing for a broken scenario, and says what is wrong each time', () => {
    writeFileSync(join(folder, 'events.yaml'), 'events: [ {');
    const entries = readdirSync(cacheDir).length;
    expect(() => cachedScenario(folder, load, cacheDir)).toThrow(/events\.yaml/);
    expect(() => cachedScenario(folder, load, cacheDir)).toThrow(/events\.yaml/);
    expect(readdirSync(cacheDir)).toHaveLength(entries);
  });

  it('runs without a cache it cannot write', () => {
    const file = join(work, 'not-a-folder');
    writeFileSync(file, '');
    cpSync(join(dirname(BUILT_IN_SCENARIO)), folder, { recursive: true });
    expect(cachedScenario(folder, load, join(file, 'cache')).id).toBe('interwar');
  });
});
