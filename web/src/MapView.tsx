/**
 * The map of the day. With no downloaded data it is schematic: each state at its capital,
 * land borders as lines between neighbours. Once CShapes is imported, the real borders of that
 * day are drawn beneath. In a crisis, states take their role's colour and each helper's route
 * to the target is drawn: through its transit states, red and dotted where passage is refused.
 */
import { geoEquirectangular, geoGraticule10, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import landUrl from 'world-atlas/land-50m.json?url';
import type { Resolution, ShapeCollection, World } from './api.js';
import { ROLE_COLOURS, ROLE_LABELS } from './format.js';
import { rolesOf } from './roles.js';

const WIDTH = 800;
const HEIGHT = 560;

/** Bounding boxes of the map's regions: [[west, south], [east, north]]. */
const REGIONS = {
  europe: [[-10, 35], [42, 61]],
  asia: [[72, 18], [146, 54]],
  all: [[-12, 5], [146, 64]],
} as const;

export type Region = keyof typeof REGIONS;

function projectionFor(region: Region): GeoProjection {
  const [[w, s], [e, n]] = REGIONS[region];
  const box: GeoJSON.Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s]] } };
  const base = region === 'all' ? geoEquirectangular() : geoMercator();
  return base.fitExtent([[20, 20], [WIDTH - 20, HEIGHT - 20]], box);
}

interface Props {
  world: World | undefined;
  resolution?: Resolution | undefined;
  shapes?: ShapeCollection | undefined;
  region: Region;
  onRegion: (region: Region) => void;
  onState?: (id: string) => void;
}

/** Today's coastlines (Natural Earth, via world-atlas): land only, no modern borders, as a backdrop. */
function useLand(): GeoJSON.FeatureCollection | GeoJSON.Feature | undefined {
  const [land, setLand] = useState<GeoJSON.FeatureCollection | GeoJSON.Feature | undefined>();
  useEffect(() => {
    fetch(landUrl)
      .then((r) => r.json())
      .then((topology: Topology) => setLand(feature(topology, topology.objects.land!) as GeoJSON.FeatureCollection | GeoJSON.Feature), () => undefined);
  }, []);
  return land;
}

export function MapView({ world, resolution, shapes, region, onRegion, onState }: Props) {
  const land = useLand();
  const projection = useMemo(() => projectionFor(region), [region]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const roles = useMemo(() => rolesOf(resolution), [resolution]);
  if (!world) return <div class="map loading">Loading the map…</div>;

  const at = new Map<string, [number, number]>(world.states.map((s) => [s.id, projection([s.capital.lon, s.capital.lat]) ?? [0, 0]]));
  const byCcode = new Map(world.states.filter((s) => s.ccode !== undefined).map((s) => [s.ccode!, s.id]));
  const inView = (p: [number, number] | undefined) => p !== undefined && p[0] > -40 && p[0] < WIDTH + 40 && p[1] > -40 && p[1] < HEIGHT + 40;
  const cincs = world.states.map((s) => s.capability?.cinc ?? 0);
  const maxCinc = Math.max(0.0001, ...cincs);
  const radius = (cinc: number | undefined) => 4 + 14 * Math.sqrt((cinc ?? 0) / maxCinc);
  const colour = (id: string) => ROLE_COLOURS[roles.get(id) ?? 'other'];
  const routes = resolution ? routesOf(resolution) : [];
  const usedRoles = [...new Set(roles.values())];

  return (
    <div class="map">
      <div class="map-tools">
        {(['europe', 'asia', 'all'] as const).map((r) => (
          <button key={r} class={r === region ? 'active' : ''} onClick={() => onRegion(r)}>
            {r === 'europe' ? 'Europe' : r === 'asia' ? 'East Asia' : 'Both'}
          </button>
        ))}
        <span class="map-mode" data-testid="map-mode">
          {shapes && shapes.features.length ? `borders of ${world.date} (CShapes 2.0)` : 'schematic: states at their capitals, lines join neighbours'}
        </span>
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Map of ${world.date}`} data-testid="map">
        <rect width={WIDTH} height={HEIGHT} class="sea" />
        {land ? <path d={path(land) ?? ''} class="land" /> : null}
        <path d={path(geoGraticule10()) ?? ''} class="graticule" />
        {shapes?.features.map((f, i) => {
          // An occupied or annexed land takes the colour of whoever holds it.
          const id = byCcode.get(f.properties.owner ?? f.properties.cowcode) ?? byCcode.get(f.properties.cowcode);
          return (
            <path key={i} d={path(f) ?? ''} class="shape" fill={id ? colour(id)! : '#e0e0e0'} fill-opacity={id && roles.has(id) ? 0.55 : 0.25} data-cowcode={f.properties.cowcode}>
              <title>{`${f.properties.name} (${f.properties.from} – ${f.properties.until})`}</title>
            </path>
          );
        })}
        {world.borders.map(([a, b]) => {
          const [pa, pb] = [at.get(a), at.get(b)];
          if (!pa || !pb || (!inView(pa) && !inView(pb))) return null;
          return <line key={`${a}-${b}`} x1={pa[0]} y1={pa[1]} x2={pb[0]} y2={pb[1]} class="border" data-border={`${a}-${b}`} />;
        })}
        {routes.map((r) => {
          const points = r.path.map((id) => at.get(id)).filter((p): p is [number, number] => p !== undefined);
          if (points.length < 2) return null;
          return (
            <g key={r.state} class={`route route-${r.mode}${r.bound ? '' : ' unbound'}`} data-route={r.state} data-mode={r.mode}>
              <polyline points={points.map((p) => p.join(',')).join(' ')} />
              <title>{`${r.state}${r.bound ? '' : ' (bound only on a condition not met)'}: ${r.reason}`}</title>
            </g>
          );
        })}
        {world.states.map((s) => {
          const p = at.get(s.id)!;
          if (!inView(p)) return null;
          const role = roles.get(s.id) ?? 'other';
          return (
            <g key={s.id} class="state" data-state={s.id} data-role={role} transform={`translate(${p[0]},${p[1]})`} onClick={() => onState?.(s.id)}>
              <circle r={radius(s.capability?.cinc)} fill={colour(s.id)} />
              <text y={-radius(s.capability?.cinc) - 3}>{s.id}</text>
              <title>{`${s.name}${s.regime ? `, ${s.regime}` : ''}${s.overlord ? `, under ${s.overlord}` : ''}${s.capability ? `, CINC ${s.capability.cinc.toFixed(3)}` : ''} — ${ROLE_LABELS[role]}`}</title>
            </g>
          );
        })}
        {routes.flatMap((r) =>
          r.refusedBy.map((id) => {
            const p = at.get(id);
            return p ? (
              <text key={`${r.state}-${id}`} x={p[0] + 9} y={p[1] + 16} class="refused" data-refused={id}>
                ✕<title>{`${id} refuses passage to ${r.state}`}</title>
              </text>
            ) : null;
          }),
        )}
      </svg>
      <Controllers world={world} />
      {resolution ? (
        <ul class="legend" data-testid="legend">
          {usedRoles.map((r) => (
            <li key={r}>
              <span class="swatch" style={{ background: ROLE_COLOURS[r] }} /> {ROLE_LABELS[r]}
            </li>
          ))}
          {routes.length ? (
            <li>
              <span class="swatch line" /> route to the target; <span class="swatch line refused" /> passage refused
            </li>
          ) : null}
        </ul>
      ) : (
        <p class="hint">
          Circle size: share of world capabilities (COW CINC). Pick a crisis in the Crisis lab to colour who is bound.
          {shapes && shapes.features.length ? '' : ' For the real borders of each day, import CShapes 2.0: casus import cshapes FILE.'}
        </p>
      )}
    </div>
  );
}

/** Lands not under their own plain sovereignty that day, and who controls them. */
function Controllers({ world }: { world: World }) {
  // Colonies and mandates are the settled order of the day; what changes hands is what a reader looks for.
  const held = world.territories.filter((t) => !['sovereign', 'colony', 'mandate'].includes(t.status));
  if (!held.length) return null;
  return (
    <p class="controllers" data-testid="controllers">
      <strong>Who controls what:</strong>{' '}
      {held.map((t, i) => (
        <span key={t.id}>
          {i ? '; ' : ''}
          {t.name}: {t.status}, held by {t.controller}
        </span>
      ))}
    </p>
  );
}

interface Route {
  state: string;
  mode: string;
  /** Must act; a route drawn for a state bound only on a condition not met is faint. */
  bound: boolean;
  path: string[];
  refusedBy: string[];
  reason: string;
}

/** The route each state with an assist obligation would take to the target: itself, its transit states, the target. */
function routesOf(resolution: Resolution): Route[] {
  const target = resolution.act.target;
  // A treaty that names another adversary or place can never bind in this crisis: no route for it.
  const couldBind = (o: Resolution['states'][number]['obligations'][number]) =>
    o.kind === 'assist' && !o.conditions.some((c) => c.status === 'unmet' && (c.type === 'adversary' || c.type === 'location'));
  return resolution.states
    .filter((s) => s.reach && s.state !== target && (s.mustAct || s.obligations.some(couldBind)))
    .map((s) => {
      const via = s.reach!.via.length ? s.reach!.via : (s.reach!.refusedBy ?? []).slice(0, 1);
      return { state: s.state, mode: s.reach!.mode, bound: s.mustAct, path: [s.state, ...via, target], refusedBy: s.reach!.refusedBy ?? [], reason: s.reach!.reason };
    });
}
