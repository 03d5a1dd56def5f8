/**
 * The map of the day, on Natural Earth's coastlines: each state at its capital, by name, sized
 * by its capability, land borders of the day (from the scenario's territories) as lines between
 * neighbours; where CShapes 2.0 has been imported, its borders of that day beneath. In a crisis,
 * states take their role's colour and shape, and each helper's route to the target is drawn:
 * through its transit states, dotted where passage is refused. Zoom and pan with the buttons,
 * the wheel or a drag; export as SVG or PNG.
 */
import { geoEquirectangular, geoGraticule10, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Resolution, ShapeCollection, World } from './api.js';
import { useAtlas } from './atlas.js';
import { exportSvg } from './exports.js';
import { RoleMark, RoleSwatch, ROLE_COLOURS, ROLE_LABELS } from './format.js';
import { useNav, withNames } from './nav.js';
import { placeLabels, routesOf, type Side } from './map-layers.js';
import { MapAreas } from './MapAreas.js';
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

interface Zoom {
  k: number;
  x: number;
  y: number;
}

const NO_ZOOM: Zoom = { k: 1, x: 0, y: 0 };
/** The land of a state with no part in the crisis: quiet, so that the parties stand out. */
const OUTSIDE_CRISIS = '#e9e7e0';

export function MapView({ world, resolution, shapes, region, onRegion, onState }: Props) {
  const { names } = useNav();
  // Today's coastlines as a backdrop: land and coasts only, no modern borders.
  const atlas = useAtlas();
  const projection = useMemo(() => projectionFor(region), [region]);
  const path = useMemo(() => geoPath(projection), [projection]);
  const roles = useMemo(() => rolesOf(resolution), [resolution]);
  const [zoom, setZoom] = useState<Zoom>(NO_ZOOM);
  const drag = useRef<{ x: number; y: number; zoom: Zoom } | undefined>(undefined);
  useEffect(() => setZoom(NO_ZOOM), [region]);
  // Names stay legible on a narrow screen: the drawing shrinks, its type does not (fewer names fit; zoom shows more).
  const svgRef = useRef<SVGSVGElement>(null);
  const [shown, setShown] = useState(WIDTH);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const observer = new ResizeObserver(() => setShown(svg.getBoundingClientRect().width || WIDTH));
    observer.observe(svg);
    return () => observer.disconnect();
  }, [world === undefined]);
  if (!world) return <div class="map loading">Loading the map…</div>;

  const at = new Map<string, [number, number]>(world.states.map((s) => [s.id, projection([s.capital.lon, s.capital.lat]) ?? [0, 0]]));
  const byCcode = new Map(world.states.filter((s) => s.ccode !== undefined).map((s) => [s.ccode!, s.id]));
  const inView = (p: [number, number] | undefined) => p !== undefined && p[0] > -40 && p[0] < WIDTH + 40 && p[1] > -40 && p[1] < HEIGHT + 40;
  const cincs = world.states.map((s) => s.capability?.cinc ?? 0);
  const maxCinc = Math.max(0.0001, ...cincs);
  const radius = (cinc: number | undefined) => (4 + 12 * Math.sqrt((cinc ?? 0) / maxCinc)) / Math.sqrt(zoom.k);
  const colour = (id: string) => ROLE_COLOURS[roles.get(id) ?? 'other'];
  const routes = resolution ? routesOf(resolution) : [];
  const usedRoles = [...new Set(roles.values())];
  const fontSize = (11 * Math.max(1, WIDTH / shown)) / Math.sqrt(zoom.k);
  const labelled = placeLabels(
    world.states
      .filter((s) => inView(at.get(s.id)))
      .map((s) => ({ id: s.id, x: at.get(s.id)![0] * zoom.k, y: at.get(s.id)![1] * zoom.k, r: radius(s.capability?.cinc) * zoom.k, text: names.get(s.id) ?? s.name, size: fontSize * zoom.k, weight: (roles.has(s.id) ? 10 : 0) + (s.capability?.cinc ?? 0), keep: roles.get(s.id) === 'attacker' || roles.get(s.id) === 'target' })),
    // The drawing's window in the zoomed coordinates: a name never runs off the edge.
    [-zoom.x, -zoom.y, WIDTH - zoom.x, HEIGHT - zoom.y],
  );
  const zoomBy = (factor: number) => setZoom((z) => {
    const k = Math.min(8, Math.max(1, z.k * factor));
    // Keep the centre of the view where it is.
    const cx = (WIDTH / 2 - z.x) / z.k;
    const cy = (HEIGHT / 2 - z.y) / z.k;
    return k === 1 ? NO_ZOOM : { k, x: WIDTH / 2 - cx * k, y: HEIGHT / 2 - cy * k };
  });
  const pan = (dx: number, dy: number) => setZoom((z) => (z.k === 1 ? z : { ...z, x: z.x + dx, y: z.y + dy }));
  const file = `casus-map-${world.date}`;
  const summary = resolution
    ? `Map of ${world.date}: ${usedRoles.filter((r) => r !== 'other').map((r) => `${ROLE_LABELS[r]}: ${[...roles].filter(([, x]) => x === r).map(([id]) => names.get(id) ?? id).join(', ')}`).join('; ')}`
    : `Map of ${world.date}: ${world.states.length} states at their capitals, circles sized by capability`;

  return (
    <div class="map">
      <div class="map-tools no-print">
        <span role="group" aria-label="Region">
          {(['europe', 'asia', 'all'] as const).map((r) => (
            <button key={r} class={r === region ? 'active' : ''} aria-pressed={r === region} onClick={() => onRegion(r)}>
              {r === 'europe' ? 'Europe' : r === 'asia' ? 'East Asia' : 'Both'}
            </button>
          ))}
        </span>
        <span role="group" aria-label="Zoom">
          <button onClick={() => zoomBy(1.5)} aria-label="Zoom in" data-testid="zoom-in">
            +
          </button>
          <button onClick={() => zoomBy(1 / 1.5)} aria-label="Zoom out" disabled={zoom.k === 1}>
            −
          </button>
          <button onClick={() => setZoom(NO_ZOOM)} disabled={zoom.k === 1}>
            reset
          </button>
        </span>
        <span class="map-mode" data-testid="map-mode">
          {shapes && shapes.features.length ? `borders of ${world.date} (CShapes 2.0)` : `who holds what on ${world.date} (Natural Earth land, the scenario’s territories)`}
        </span>
        <span role="group" aria-label="Export the map">
          <button onClick={() => exportSvg('[data-testid="map"]', file, 'svg')} data-testid="export-map-svg">
            SVG
          </button>
          <button onClick={() => exportSvg('[data-testid="map"]', file, 'png')} data-testid="export-map-png">
            PNG
          </button>
        </span>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={summary}
        data-testid="map"
        data-zoom={zoom.k}
        onWheel={(e) => {
          if (!e.ctrlKey && !e.metaKey && zoom.k === 1 && e.deltaY > 0) return;
          e.preventDefault();
          zoomBy(e.deltaY < 0 ? 1.25 : 0.8);
        }}
        onPointerDown={(e) => {
          if (zoom.k > 1) drag.current = { x: e.clientX, y: e.clientY, zoom };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (!d) return;
          const scale = WIDTH / (e.currentTarget as SVGSVGElement).getBoundingClientRect().width;
          setZoom({ ...d.zoom, x: d.zoom.x + (e.clientX - d.x) * scale, y: d.zoom.y + (e.clientY - d.y) * scale });
        }}
        onPointerUp={() => (drag.current = undefined)}
        onPointerLeave={() => (drag.current = undefined)}
      >
        <rect width={WIDTH} height={HEIGHT} class="sea" />
        <g transform={`translate(${zoom.x},${zoom.y}) scale(${zoom.k})`} style={{ '--k': zoom.k }}>
          {atlas ? <path d={path(atlas.land) ?? ''} class="land" /> : null}
          {shapes && shapes.features.length ? null : <MapAreas world={world} path={path} roleColour={(id) => (resolution ? (roles.has(id) && roles.get(id) !== 'other' ? colour(id) : OUTSIDE_CRISIS) : undefined)} />}
          {atlas ? <path d={path(atlas.coast) ?? ''} class="coast" /> : null}
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
          {routes.map((r) => {
            const points = r.path.map((id) => at.get(id)).filter((p): p is [number, number] => p !== undefined);
            if (points.length < 2) return null;
            return (
              <g key={r.state} class={`route route-${r.mode}${r.bound ? '' : ' unbound'}`} data-route={r.state} data-mode={r.mode}>
                <polyline points={points.map((p) => p.join(',')).join(' ')} />
                <title>{withNames(`${r.state}${r.bound ? '' : ' (bound only on a condition not met)'}: ${r.reason}`, names)}</title>
              </g>
            );
          })}
          {world.states.map((s) => {
            const p = at.get(s.id)!;
            if (!inView(p)) return null;
            const role = roles.get(s.id) ?? 'other';
            const r = radius(s.capability?.cinc);
            return (
              <g key={s.id} class="state" data-state={s.id} data-role={role} transform={`translate(${p[0]},${p[1]})`} onClick={() => onState?.(s.id)}>
                <RoleMark role={role} r={r} />
                {labelled.has(s.id) ? <Label side={labelled.get(s.id)!} r={r} k={zoom.k} size={fontSize} text={names.get(s.id) ?? s.name} /> : null}
                <title>{`${names.get(s.id) ?? s.name} (${s.id})${s.regime ? `, ${s.regime}` : ''}${s.overlord ? `, under ${names.get(s.overlord) ?? s.overlord}` : ''}${s.capability ? `, CINC ${s.capability.cinc.toFixed(3)}` : ''} — ${ROLE_LABELS[role]}`}</title>
              </g>
            );
          })}
          {routes.flatMap((r) =>
            r.refusedBy.map((id) => {
              const p = at.get(id);
              return p ? (
                <text key={`${r.state}-${id}`} x={p[0] + 9} y={p[1] + 16} class="refused" data-refused={id}>
                  ✕<title>{withNames(`${id} refuses passage to ${r.state}`, names)}</title>
                </text>
              ) : null;
            }),
          )}
        </g>
      </svg>
      <div class="map-pan no-print" role="group" aria-label="Move the map" hidden={zoom.k === 1}>
        <button onClick={() => pan(0, 60)} aria-label="Move north">↑</button>
        <button onClick={() => pan(60, 0)} aria-label="Move west">←</button>
        <button onClick={() => pan(-60, 0)} aria-label="Move east">→</button>
        <button onClick={() => pan(0, -60)} aria-label="Move south">↓</button>
      </div>
      <Controllers world={world} />
      <ul class="legend" data-testid="legend" aria-label="Legend">
        {resolution ? (
          usedRoles.map((r) => (
            <li key={r}>
              <RoleSwatch role={r} /> {ROLE_LABELS[r]}
            </li>
          ))
        ) : (
          <li>size of a mark: share of world capabilities (COW CINC)</li>
        )}
        <li>
          <span class="swatch area-swatch" /> colour of the land: who holds it that day (outlines approximate)
        </li>
        {routes.length ? (
          <>
            <li>
              <span class="swatch line" /> route to the target
            </li>
            <li>
              <span class="swatch line refused" /> ✕ passage refused
            </li>
          </>
        ) : null}
      </ul>
      {resolution ? null : <p class="hint no-print">Pick a crisis in the Crisis lab to mark who is bound.</p>}
    </div>
  );
}

/** A state's name on the side of its mark that placeLabels chose (the same gaps as its boxes). */
function Label({ side, r, k, size, text }: { side: Side; r: number; k: number; size: number; text: string }) {
  const reach = r * 1.2 + 2 / k;
  const [x, y, anchor] = side === 'above' ? [0, -reach, 'middle'] : side === 'below' ? [0, reach + size * 0.85, 'middle'] : side === 'right' ? [reach, size * 0.35, 'start'] : [-reach, size * 0.35, 'end'];
  return (
    <text x={x} y={y} style={{ fontSize: `${size}px`, textAnchor: anchor }} data-side={side}>
      {text}
    </text>
  );
}

/** Lands not under their own plain sovereignty that day, and who controls them. */
function Controllers({ world }: { world: World }) {
  const { names } = useNav();
  // Colonies and mandates are the settled order of the day; what changes hands is what a reader looks for.
  const held = world.territories.filter((t) => !['sovereign', 'colony', 'mandate'].includes(t.status));
  if (!held.length) return null;
  return (
    <p class="controllers" data-testid="controllers">
      <strong>Who controls what:</strong>{' '}
      {held.map((t, i) => (
        <span key={t.id}>
          {i ? '; ' : ''}
          {names.get(t.id) ?? t.name}: {t.status}, held by {names.get(t.controller) ?? t.controller}
        </span>
      ))}
    </p>
  );
}
