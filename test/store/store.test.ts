import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'casus.db');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const input = { kind: 'simulate' as const, scenario: 'interwar', scenarioHash: 'abc', engineVersion: 'casus@0.1.0', seed: 7, parameters: { runs: 10 } };

describe('store', () => {
  it('creates the file and its folder, runs every migration once, and uses WAL', () => {
    const path = tempDb();
    const store = new Store(path);
    expect(store.version()).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
    const again = new Store(path);
    const rows = again.db.prepare('SELECT version FROM migrations ORDER BY version').all() as { version: number }[];
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    again.close();
  });

  it('refuses a database written by a newer casus', () => {
    const path = tempDb();
    new Store(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO migrations (version, name) VALUES (999, 'future')").run();
    raw.close();
    expect(() => new Store(path)).toThrow(/schema version 999/);
  });

  it('keeps a run with its engine version, scenario hash, seed, parameters and result, across reopening', () => {
    const path = tempDb();
    const store = new Store(path);
    const saved = store.saveRun(input, { deterrence: { p: 0.25 } });
    store.close();
    const reopened = new Store(path);
    expect(reopened.getRun(saved.id)).toMatchObject({ ...input, id: saved.id, result: { deterrence: { p: 0.25 } } });
    expect(reopened.getRun(saved.id + 1)).toBeUndefined();
    reopened.close();
  });

  it('round-trips any JSON result exactly', () => {
    const store = new Store(':memory:');
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const run = store.saveRun(input, value);
        expect(store.getRun(run.id)!.result).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
    store.close();
  });

  it('lists runs newest first, filtered by kind and scenario', () => {
    const store = new Store(':memory:');
    const a = store.saveRun(input, 1);
    const b = store.saveRun({ ...input, kind: 'resolve' }, 2);
    const c = store.saveRun({ ...input, scenario: 'other' }, 3);
    expect(store.listRuns().map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(store.listRuns({ kind: 'resolve' }).map((r) => r.id)).toEqual([b.id]);
    expect(store.listRuns({ scenario: 'interwar' }).map((r) => r.id)).toEqual([b.id, a.id]);
    expect(store.listRuns({ limit: 1, offset: 1 }).map((r) => r.id)).toEqual([b.id]);
    store.close();
  });

  it('does not overwrite a scenario whose id is taken', () => {
    const store = new Store(':memory:');
    expect(store.saveScenario({ id: 's1', name: 'one', hash: 'h1', scenario: { a: 1 } })).toBe(true);
    expect(store.saveScenario({ id: 's1', name: 'two', hash: 'h2', scenario: { a: 2 } })).toBe(false);
    expect(store.getScenario('s1')).toMatchObject({ name: 'one', scenario: { a: 1 } });
    store.close();
  });

  it('answers shapes valid on a day, [from, until)', () => {
    const store = new Store(':memory:');
    const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    store.replaceShapes(
      [
        { cowcode: 315, name: 'Czechoslovakia', from: '1918-11-11', until: '1938-09-30', status: 'independent', owner: 315, geometry: square },
        { cowcode: 315, name: 'Czechoslovakia', from: '1938-09-30', until: '1938-11-02', status: 'independent', owner: 315, geometry: square },
      ],
      'test',
    );
    expect(store.shapesOn('1938-09-29').map((s) => s.until)).toEqual(['1938-09-30']);
    expect(store.shapesOn('1938-09-30').map((s) => s.from)).toEqual(['1938-09-30']);
    expect(store.shapesOn('1950-01-01')).toEqual([]);
    expect(store.shapesInfo()).toEqual({ count: 2, source: 'test' });
    store.close();
  });
});
