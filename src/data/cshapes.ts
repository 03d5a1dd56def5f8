/**
 * CShapes 2.0 (Schvitz et al. 2022): dated state borders, COW-coded, as xz-compressed TopoJSON.
 * Read here into plain records (one polygon set per state and period, dates made half-open),
 * with coordinates rounded so that the decade's maps fit a small database and a browser.
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import xz from 'xz-decompress';
import { nextDay, type Day } from '../model/day.js';
import { DatasetError } from './csv.js';

/** One state's territory over a period `[from, until)`. */
export interface CshapeRecord {
  cowcode: number;
  name: string;
  from: Day;
  until: Day;
  status: string;
  /** COW code of the owner (the occupier or colonial power for dependencies), or null. */
  owner: number | null;
  geometry: GeoJSON.Geometry;
}

interface CshapeProperties {
  cowcode: number;
  country_name: string;
  start: string;
  end: string;
  status: string;
  owner: string | number | null;
}

/** Largest compressed file read (the real one is 2.1 MB). */
const MAX_BYTES = 64 * 1024 * 1024;
/** Coordinates are rounded to this many degrees (about 5 km), and a point closer than SPACING to the last one kept is dropped: enough for a map of a continent on a screen. */
export const PRECISION = 0.05;
export const SPACING = 0.15;

/**
 * Reads a CShapes file (`.topojson.xz`, or plain `.topojson`/`.json`) and keeps the polygons that
 * overlap `span`. Throws DatasetError saying what is wrong with the file.
 */
export async function readCshapes(path: string, span: { from: Day; until: Day }): Promise<CshapeRecord[]> {
  return cshapesFromTopology(await readTopology(path), span, path);
}

/**
 * Reads a TopoJSON file, decompressing it when its name ends in `.xz`. Refuses files larger than
 * CShapes ever is before reading them. Throws DatasetError naming the file.
 */
export async function readTopology(path: string): Promise<Topology> {
  const file = basename(path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    throw new DatasetError(file, undefined, undefined, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > MAX_BYTES) throw new DatasetError(file, undefined, undefined, `${size} bytes is more than CShapes needs (${MAX_BYTES}); is it the right file?`);
  const raw = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const stream = path.endsWith('.xz') ? new xz.XzReadableStream(raw) : raw;
  let text: string;
  try {
    text = await new Response(stream).text();
  } catch (error) {
    throw new DatasetError(file, undefined, undefined, `cannot be decompressed: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Topology;
  } catch (error) {
    throw new DatasetError(file, undefined, undefined, `not JSON after decompression: ${(error as Error).message}`);
  }
}

/** The records of a CShapes topology that overlap `span`. Pure. Throws DatasetError when it is not CShapes. */
export function cshapesFromTopology(topology: Topology, span: { from: Day; until: Day }, file = 'topology'): CshapeRecord[] {
  if (topology?.type !== 'Topology' || typeof topology.objects !== 'object') throw new DatasetError(file, undefined, undefined, `not a TopoJSON topology`);
  const object = (topology.objects.cshapes_2_cow ?? Object.values(topology.objects)[0]) as GeometryCollection<CshapeProperties> | undefined;
  if (!object || object.type !== 'GeometryCollection') throw new DatasetError(file, undefined, undefined, `no geometry collection (expected "cshapes_2_cow")`);
  const records: CshapeRecord[] = [];
  for (const [i, geometry] of object.geometries.entries()) {
    const p = geometry.properties as CshapeProperties | undefined;
    if (!p || typeof p.cowcode !== 'number' || !/^\d{4}-\d{2}-\d{2}$/.test(p.start ?? '') || !/^\d{4}-\d{2}-\d{2}$/.test(p.end ?? '')) {
      throw new DatasetError(file, undefined, undefined, `geometry ${i} lacks cowcode, start or end (is this CShapes 2.0?)`);
    }
    const until = nextDay(p.end); // CShapes' end day is the last day of validity
    if (!(p.start < span.until && until > span.from)) continue;
    const f = feature(topology, geometry) as GeoJSON.Feature;
    if (!f.geometry) continue;
    const owner = p.owner === null || p.owner === undefined || p.owner === '' ? null : Number(p.owner);
    records.push({ cowcode: p.cowcode, name: p.country_name, from: p.start, until, status: p.status, owner: Number.isFinite(owner) ? owner : null, geometry: roundGeometry(f.geometry) });
  }
  return records.sort((a, b) => a.cowcode - b.cowcode || a.from.localeCompare(b.from));
}

/** Rounds coordinates to PRECISION, drops points closer than SPACING to the last kept, and rings that collapse. Pure. */
export function roundGeometry(geometry: GeoJSON.Geometry, precision = PRECISION, spacing = SPACING): GeoJSON.Geometry {
  const round = (x: number) => Number((Math.round(x / precision) * precision).toFixed(4));
  const ring = (points: GeoJSON.Position[]): GeoJSON.Position[] => {
    const out: GeoJSON.Position[] = [];
    for (const [x, y] of points) {
      const p = [round(x!), round(y!)];
      const last = out[out.length - 1];
      if (!last || Math.abs(last[0]! - p[0]!) + Math.abs(last[1]! - p[1]!) >= spacing) out.push(p);
    }
    // A ring ends where it starts.
    const first = out[0];
    const last = out[out.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([...first]);
    return out;
  };
  // Islands and holes smaller than about two spacings across cannot be seen at this scale.
  const visible = (r: GeoJSON.Position[]) => {
    const xs = r.map((p) => p[0]!);
    const ys = r.map((p) => p[1]!);
    return r.length >= 4 && Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys) >= 4 * spacing;
  };
  const polygon = (rings: GeoJSON.Position[][]) => {
    const [outer, ...holes] = rings.map(ring);
    return outer && visible(outer) ? [outer, ...holes.filter(visible)] : [];
  };
  switch (geometry.type) {
    case 'Polygon':
      return { type: 'Polygon', coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(polygon).filter((p) => p.length > 0) };
    default:
      return geometry;
  }
}
