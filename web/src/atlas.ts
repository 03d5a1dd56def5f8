/**
 * Natural Earth at 1:50m (public domain, via world-atlas), from one file: the countries, and the
 * land and its coasts derived from them, so that the explorer ships one topology, not two.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { atlasOf, type Atlas } from './map-fill.js';

/** Fetched and derived once for the page's life. */
let loading: Promise<Atlas> | undefined;

/** The atlas, once loaded (undefined until then, and after a failed fetch, which the next use retries). */
export function useAtlas(): Atlas | undefined {
  const [atlas, setAtlas] = useState<Atlas | undefined>();
  useEffect(() => {
    loading ??= fetch(countriesUrl).then((r) => r.json() as Promise<Topology>).then(atlasOf);
    loading.then(setAtlas, () => (loading = undefined));
  }, []);
  return atlas;
}
