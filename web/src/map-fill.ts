/**
 * The map's areas for a day: each territory of the scenario (AREAS) filled by whoever holds it
 * that day. Pure functions over Natural Earth's countries (a TopoJSON topology) and the day's world.
 */
import { geoArea, geoContains } from 'd3-geo';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { AREAS, type Area } from './map-areas.js';

export type Country = GeoJSON.Feature<GeoJSON.Geometry, { name: string }>;

/** Natural Earth's countries by ISO numeric code, or by name for the few without one. Pure. */
export function countriesOf(topology: Topology): Map<string, Country> {
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>) as GeoJSON.FeatureCollection<GeoJSON.Geometry, { name: string }>;
  const out = new Map<string, Country>();
  for (const f of collection.features) out.set(f.id === undefined ? f.properties.name : String(f.id), f);
  return out;
}

/** Natural Earth from its countries file alone: the countries, the land they make up, and its coasts. */
export interface Atlas {
  countries: Map<string, Country>;
  /** All the land: the countries merged into one area. */
  land: GeoJSON.MultiPolygon;
  /** The coasts: arcs on the edge of one country only (an arc two countries share is a border between them, not drawn). */
  coast: GeoJSON.MultiLineString;
}

/** The atlas of a countries topology, so that the explorer ships one file instead of a second land-only one. Pure. */
export function atlasOf(topology: Topology): Atlas {
  const object = topology.objects.countries as GeometryCollection;
  const areas = object.geometries.filter((g): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon');
  return { countries: countriesOf(topology), land: merge(topology, areas), coast: mesh(topology, object, (a, b) => a === b) };
}

/**
 * A hand-traced outline as a polygon on the sphere. d3 reads a ring by its winding (the inside
 * is on the left going round): whichever way it was traced, take the smaller of the two sides.
 */
export function outlineOf(ring: readonly [number, number][]): GeoJSON.Feature<GeoJSON.Polygon> {
  const closed = [...ring, ring[0]!];
  const polygon = (coords: [number, number][]): GeoJSON.Feature<GeoJSON.Polygon> => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [coords] } });
  const one = polygon(closed);
  return geoArea(one) > 2 * Math.PI ? polygon([...closed].reverse()) : one;
}

/** Who holds each territory that day. Pure. */
export function holdersOf(territories: readonly { id: string; controller: string }[]): Map<string, string> {
  return new Map(territories.map((t) => [t.id, t.controller]));
}

/** The holder of the land at a point, as the map paints it (the last area drawn there), or none. Pure. */
export function holderAt(point: [number, number], holders: ReadonlyMap<string, string>, countries: ReadonlyMap<string, Country>, areas: readonly Area[] = AREAS): string | undefined {
  let found: string | undefined;
  for (const area of areas) {
    const holder = holders.get(area.territory);
    if (!holder) continue;
    if (area.within && !geoContains(outlineOf(area.within), point)) continue;
    if (area.countries.some((c) => { const f = countries.get(c); return f !== undefined && geoContains(f, point); })) found = holder;
  }
  return found;
}

/** A soft palette for states outside the crisis: neighbours never share a colour. */
export const PLAIN_COLOURS = ['#ecd7a9', '#c5dcae', '#d5c3e4', '#f2c2ad', '#e4e49c', '#b8dccf', '#dcbcc4'];

/**
 * One palette colour per state such that two states with a common border that day differ:
 * greedy colouring, the states with most neighbours first, ties by id (same day, same colours). Pure.
 */
export function plainColours(states: readonly string[], borders: readonly [string, string][], palette: readonly string[] = PLAIN_COLOURS): Map<string, string> {
  const neighbours = new Map<string, Set<string>>(states.map((s) => [s, new Set()]));
  for (const [a, b] of borders) {
    neighbours.get(a)?.add(b);
    neighbours.get(b)?.add(a);
  }
  const order = [...states].sort((a, b) => neighbours.get(b)!.size - neighbours.get(a)!.size || a.localeCompare(b));
  const index = new Map<string, number>();
  for (const s of order) {
    const taken = new Set([...neighbours.get(s)!].map((n) => index.get(n)).filter((i) => i !== undefined));
    let i = 0;
    while (taken.has(i) && i < palette.length - 1) i++;
    index.set(s, i);
  }
  return new Map([...index].map(([s, i]) => [s, palette[i]!]));
}
