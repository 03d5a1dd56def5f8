/**
 * Every write either commits and answers, or throws StoreError and leaves nothing: on a database
 * at its page limit (SQLITE_FULL injected by SQLite itself) and on a filesystem that is really
 * full. Deletion, retention and the jobs table.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store, StoreError } from '../../src/store/store.js';
import { canMountSmallDisk, mountSmallDisk, type SmallDisk } from '../support/tmpfs.js';

const input = { kind: 'resolve' as const, scenario: 'interwar', scenarioHash: 'abc', engineVersion: 'casus@test', parameters: { target: 'CZE' } };
const big = (i: number, size = 4000) => ({ i, padding: 'x'.repeat(size) });

/** Caps the database a few pages above its size now: SQLite answers SQLITE_FULL past it. */
function capPages(store: Store, extra: number): void {
  const pages = store.db.pragma('page_count', { simple: true }) as number;
  store.db.pragma(`max_page_count = ${pages + extra}`);
}

const disks: SmallDisk[] = [];
afterEach(() => {
  for (const disk of disks.splice(0)) disk.unmount();
});

describe('writes on a full store', () => {
  it('throws StoreError (full) instead of answering an id, and keeps what was committed', () => {
    const store = new Store(':memory:');
    capPages(store, 8);
    const acknowledged: number[] = [];
    let refused: unknown;
    for (let i = 0; i < 100 && refused === undefined; i++) {
      try {
        acknowledged.push(store.saveRun(input, big(i)).id);
      } catch (error) {
        refused = error;
      }
    }
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).full).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(store.countRuns()).toBe(acknowledged.length);
    for (const [i, id] of acknowledged.entries()) expect((store.getRun(id)!.result as { i: number }).i).toBe(i);
    expect(() => store.saveScenario({ id: 's', name: 's', hash: 'h', scenario: big(0, 40_000) })).toThrow(StoreError);
    expect(store.listScenarios()).toEqual([]);
    expect(() => store.jobs.insert({ id: 'j', kind: 'simulate', scenario: 's', request: big(0, 40_000) })).toThrow(StoreError);
    expect(store.jobs.get('j')).toBeUndefined();
    // Room again (a run deleted), and writes go on.
    store.deleteRun(acknowledged[0]!);
    expect(store.saveRun(input, { small: true }).id).toBeGreaterThan(acknowledged.at(-1)!);
  });

  it.skipIf(!canMountSmallDisk)('on a filesystem that fills up, the runs after reopening are exactly the acknowledged ones', () => {
    const disk = mountSmallDisk(512)!;
    disks.push(disk);
    const path = join(disk.dir, 'casus.db');
    const store = new Store(path);
    const acknowledged = new Map<number, number>();
    let refused: unknown;
    for (let i = 0; i < 1000 && refused === undefined; i++) {
      try {
        acknowledged.set(store.saveRun(input, big(i)).id, i);
      } catch (error) {
        refused = error;
      }
    }
    expect(refused, 'the disk never filled').toBeInstanceOf(StoreError);
    expect((refused as StoreError).full).toBe(true);
    expect(new Set(acknowledged.keys()).size).toBe(acknowledged.size);
    store.close();
    const reopened = new Store(path);
    expect(reopened.integrity()).toBe('ok');
    const ids = reopened.listRuns({ limit: 10_000 }).map((r) => r.id).sort((a, b) => a - b);
    expect(ids).toEqual([...acknowledged.keys()].sort((a, b) => a - b));
    for (const [id, i] of acknowledged) expect((reopened.getRun(id)!.result as { i: number }).i).toBe(i);
    reopened.close();
  });
});

describe('deletion and retention', () => {
  it('deletes a run and a scenario, and says when there was none', () => {
    const store = new Store(':memory:');
    const run = store.saveRun(input, 1);
    expect(store.deleteRun(run.id)).toBe(true);
    expect(store.deleteRun(run.id)).toBe(false);
    expect(store.getRun(run.id)).toBeUndefined();
    store.saveScenario({ id: 's1', name: 'one', hash: 'h', scenario: {} });
    expect(store.deleteScenario('s1')).toBe(true);
    expect(store.deleteScenario('s1')).toBe(false);
    // An id is never given again after a deletion, so an old link cannot show another run.
    expect(store.saveRun(input, 2).id).toBeGreaterThan(run.id);
  });

  it('keeps the newest N runs, and none older than the age limit', () => {
    const store = new Store(':memory:');
    const ids = Array.from({ length: 10 }, (_, i) => store.saveRun(input, i).id);
    expect(store.pruneRuns({ keep: 4 })).toBe(6);
    expect(store.listRuns().map((r) => r.id)).toEqual(ids.slice(6).reverse());
    store.db.prepare("UPDATE runs SET created_at = datetime('now', '-40 days') WHERE id = ?").run(ids[6]);
    expect(store.pruneRuns({ maxAgeDays: 30 })).toBe(1);
    expect(store.listRuns().map((r) => r.id)).toEqual(ids.slice(7).reverse());
    expect(store.pruneRuns({})).toBe(0);
  });
});

describe('jobs table', () => {
  it('records a job, its status changes and its run, and finds jobs by status', () => {
    const store = new Store(':memory:');
    store.jobs.insert({ id: 'a', kind: 'simulate', scenario: 'interwar', request: { runs: 10 } });
    store.jobs.insert({ id: 'b', kind: 'whatif', scenario: 'interwar', request: { runs: 5 } });
    store.jobs.update('a', 'running');
    expect(store.jobs.withStatus('queued').map((j) => j.id)).toEqual(['b']);
    store.jobs.update('a', 'done', { runId: 7 });
    store.jobs.update('b', 'failed', { error: 'why' });
    expect(store.jobs.get('a')).toMatchObject({ status: 'done', runId: 7, request: { runs: 10 } });
    expect(store.jobs.get('b')).toMatchObject({ status: 'failed', error: 'why' });
    expect(store.jobs.prune(1)).toBe(1);
    expect(store.jobs.get('a')).toBeUndefined();
  });
});
