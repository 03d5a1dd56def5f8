/**
 * The land of the day as areas: each territory of the scenario filled by whoever holds it that
 * day (Austria gone after the Anschluss, the Sudetenland German from 1 October 1938, Manchukuo
 * from 1932 …), on Natural Earth's countries cut by the traced outlines of map-areas.ts.
 */
import type { GeoPath } from 'd3-geo';
import { useMemo } from 'preact/hooks';
import type { World } from './api.js';
import { useAtlas } from './atlas.js';
import { AREAS } from './map-areas.js';
import { holdersOf, outlineOf, plainColours } from './map-fill.js';
import { useNav } from './nav.js';

interface Props {
  world: World;
  path: GeoPath;
  /** A state's colour in a crisis (its role's); none outside one, or for a state with no part in it. */
  roleColour: (id: string) => string | undefined;
}

export function MapAreas({ world, path, roleColour }: Props) {
  const { names } = useNav();
  const countries = useAtlas()?.countries;
  // The outlines depend on the projection only, not on the day.
  const shapes = useMemo(
    () =>
      countries
        ? AREAS.map((a) => ({
            d: a.countries.map((c) => (countries.get(c) ? path(countries.get(c)!) ?? '' : '')).join(''),
            clip: a.within ? path(outlineOf(a.within)) ?? '' : undefined,
          }))
        : [],
    [countries, path],
  );
  const plain = useMemo(() => plainColours(world.states.map((s) => s.id), world.borders), [world]);
  if (!countries) return null;
  const holders = holdersOf(world.territories);
  const territoryName = new Map(world.territories.map((t) => [t.id, t.name]));
  const colour = (id: string) => roleColour(id) ?? plain.get(id) ?? '#e4e0d4';
  return (
    <g class="areas" data-testid="map-areas">
      <defs>
        {shapes.map((s, i) => (s.clip ? <clipPath key={i} id={`area-clip-${i}`}><path d={s.clip} /></clipPath> : null))}
      </defs>
      {AREAS.map((a, i) => {
        const holder = holders.get(a.territory);
        if (!holder || !shapes[i]!.d) return null;
        const fill = colour(holder);
        return (
          <path key={i} d={shapes[i]!.d} class="area" fill={fill} stroke={fill} clip-path={a.within ? `url(#area-clip-${i})` : undefined} data-territory={a.territory} data-holder={holder}>
            <title>{`${names.get(a.territory) ?? territoryName.get(a.territory) ?? a.territory}: ${names.get(holder) ?? holder}`}</title>
          </path>
        );
      })}
    </g>
  );
}
