/** CShapes 2.0 into the store and onto the map: dated borders, served by day. Uses ../shared/data; never copied into the repo. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { importCshapes } from '../../src/cli/commands/import-cshapes.js';
import { cshapesFromTopology, roundGeometry } from '../../src/data/cshapes.js';
import { DatasetError } from '../../src/data/csv.js';
import { DATASETS, dataPath } from '../../src/data/paths.js';
import { loadScenarioFile } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { Store } from '../../src/store/store.js';
import { FIXTURE } from './support/app.js';

const FILE = dataPath(...DATASETS.cshapes);
const dir = mkdtempSync(join(tmpdir(), 'casus-shapes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(FILE))('CShapes 2.0 import', () => {
  it('stores the dated borders of 1929–1939 and serves those of each day: Czechoslovakia shrinks after Munich', async () => {
    const db = join(dir, 'shapes.db');
    const result = await importCshapes(FILE, db, { from: '1929-01-01', until: '1939-10-01' });
    expect(result.shapes).toBeGreaterThan(100);
    const store = new Store(db);
    const app = createApp({ store, builtIn: loadScenarioFile(FIXTURE) });
    const on = async (day: string) => (await (await app.request(`/api/shapes?at=${day}`)).json()) as { validFrom: string; validUntil: string; features: { properties: { cowcode: number; from: string; until: string }; geometry: unknown }[] };
    const before = await on('1938-09-29');
    const after = await on('1938-10-01');
    const cze = (c: typeof before) => c.features.filter((f) => f.properties.cowcode === 315);
    expect(cze(before).map((f) => f.properties.from)).toEqual(['1918-11-11']);
    expect(cze(after).map((f) => f.properties.from)).toEqual(['1938-09-30']);
    expect(JSON.stringify(cze(before)[0]!.geometry).length).toBeGreaterThan(JSON.stringify(cze(after)[0]!.geometry).length);
    // Austria is gone after the Anschluss (CShapes ends it on 1938-03-13).
    expect((await on('1938-03-01')).features.some((f) => f.properties.cowcode === 305)).toBe(true);
    expect((await on('1938-04-01')).features.some((f) => f.properties.cowcode === 305)).toBe(false);
    // The window a set holds for contains its day, so a client can skip asking again inside it.
    expect(before.validFrom <= '1938-09-29' && '1938-09-29' < before.validUntil).toBe(true);
    store.close();
  });
});

describe('CShapes reading', () => {
  it('refuses a file that is not CShapes with a DatasetError naming it', async () => {
    const bogus = join(dir, 'bogus.topojson');
    writeFileSync(bogus, JSON.stringify({ type: 'Topology', objects: { x: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] } }, arcs: [] }));
    await expect(importCshapes(bogus, join(dir, 'b.db'), { from: '1929-01-01', until: '1939-10-01' })).rejects.toThrow(/bogus\.topojson.*lacks cowcode/);
    const notJson = join(dir, 'x.topojson');
    writeFileSync(notJson, 'hello');
    await expect(importCshapes(notJson, join(dir, 'b.db'), { from: '1929-01-01', until: '1939-10-01' })).rejects.toThrow(DatasetError);
    expect(() => cshapesFromTopology({} as never, { from: '1929-01-01', until: '1930-01-01' })).toThrow(/not a TopoJSON/);
  });

  it('rounds rings without opening them, and never yields a ring of fewer than four points', () => {
    const point = fc.tuple(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: -30, max: 30, noNaN: true }));
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 60 }), (points) => {
        const ring = [...points, points[0]!];
        const rounded = roundGeometry({ type: 'Polygon', coordinates: [ring] });
        if (rounded.type !== 'Polygon') throw new Error('type changed');
        for (const r of rounded.coordinates) {
          expect(r.length).toBeGreaterThanOrEqual(4);
          expect(r[0]).toEqual(r[r.length - 1]);
        }
      }),
    );
  });
});
