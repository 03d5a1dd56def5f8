/** CShapes 2.0 (COW-coded): the capital of each state polygon and its validity dates. Geometry is read by ./cshapes.ts. */
import { basename } from 'node:path';
import { nextDay, type Day } from '../model/day.js';
import { readTopology } from './cshapes.js';
import { DatasetError, skip, type Skipped } from './csv.js';
import { DATASETS, dataPath } from './paths.js';

/** A capital over the dates of one CShapes polygon ([from, until), until exclusive). */
export interface CapitalSpell {
  ccode: number;
  name: string;
  lat: number;
  lon: number;
  from: Day;
  until: Day;
}

/** Reads the capitals from the xz-compressed TopoJSON. Async (decompression streams). Throws DatasetError when unreadable. */
export async function readCapitals(path: string = dataPath(...DATASETS.cshapes)): Promise<{ capitals: CapitalSpell[]; skipped: Skipped }> {
  const file = basename(path);
  const topology = await readTopology(path);
  const geometries = (Object.values(topology.objects ?? {})[0] as { geometries?: { properties?: Record<string, unknown> }[] } | undefined)?.geometries;
  if (!Array.isArray(geometries)) throw new DatasetError(file, undefined, undefined, 'is not a TopoJSON topology with a geometry collection');
  return capitalsOf(geometries, file);
}

/** Capitals from TopoJSON geometry properties. Pure; throws DatasetError naming the polygon's index. */
export function capitalsOf(geometries: readonly { properties?: Record<string, unknown> }[], file: string): { capitals: CapitalSpell[]; skipped: Skipped } {
  const skipped: Skipped = {};
  const capitals: CapitalSpell[] = [];
  geometries.forEach((g, i) => {
    const { cowcode, capname, caplat, caplong, start, end } = (g.properties ?? {}) as Record<string, unknown>;
    if (typeof cowcode !== 'number') throw new DatasetError(file, undefined, `geometries[${i}].cowcode`, `"${String(cowcode)}" is not a COW code`);
    if (typeof capname !== 'string' || typeof caplat !== 'number' || typeof caplong !== 'number') {
      skip(skipped, 'polygon without a capital');
      return;
    }
    if (typeof start !== 'string' || typeof end !== 'string') throw new DatasetError(file, undefined, `geometries[${i}].start`, 'validity dates missing');
    capitals.push({ ccode: cowcode, name: capname, lat: caplat, lon: caplong, from: start, until: nextDay(end) });
  });
  return { capitals, skipped };
}
