/** Every view has a URL: the day, the tab, the crisis, its assumptions and overlays live in the query string. */

export interface ViewState {
  scenario?: string | undefined;
  day: string;
  /** The panel shown beside the map: one of the explorer's views (App.tsx lists them). */
  tab: string;
  region: 'europe' | 'asia' | 'all';
  attacker?: string | undefined;
  target?: string | undefined;
  abstain: string[];
  /** GRANTOR:GRANTEE pairs. */
  transit: string[];
  leagueFinding: boolean;
  provoked: boolean;
  overlays: unknown[];
  treaty?: string | undefined;
  /** Stored runs shown side by side. */
  compare: number[];
}

const list = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/** Reads a view from a query string; unknown or malformed values fall back to defaults, except the day, which is kept as written for the explorer to check against the scenario. */
export function readView(search: string, defaultDay: string): ViewState {
  const q = new URLSearchParams(search);
  const day = q.get('day');
  const tab = q.get('tab');
  const region = q.get('region');
  let overlays: unknown[] = [];
  try {
    const parsed = JSON.parse(q.get('overlays') ?? '[]');
    if (Array.isArray(parsed)) overlays = parsed;
  } catch {
    overlays = [];
  }
  return {
    scenario: q.get('scenario') ?? undefined,
    day: day ?? defaultDay,
    tab: tab && /^[a-z-]{1,20}$/.test(tab) ? tab : 'network',
    region: region === 'asia' || region === 'all' ? region : 'europe',
    attacker: q.get('attacker') ?? undefined,
    target: q.get('target') ?? undefined,
    abstain: list(q.get('abstain')),
    transit: list(q.get('transit')).filter((t) => /^[A-Za-z0-9_-]+:[A-Za-z0-9_-]+$/.test(t)),
    leagueFinding: q.get('league') === '1',
    provoked: q.get('provoked') === '1',
    overlays,
    treaty: q.get('treaty') ?? undefined,
    compare: list(q.get('compare')).map(Number).filter((n) => Number.isInteger(n) && n > 0),
  };
}

/** Writes a view as a query string, leaving out defaults. Pure. */
export function writeView(view: ViewState): string {
  const q = new URLSearchParams();
  if (view.scenario) q.set('scenario', view.scenario);
  q.set('day', view.day);
  if (view.tab !== 'network') q.set('tab', view.tab);
  if (view.region !== 'europe') q.set('region', view.region);
  if (view.attacker) q.set('attacker', view.attacker);
  if (view.target) q.set('target', view.target);
  if (view.abstain.length) q.set('abstain', view.abstain.join(','));
  if (view.transit.length) q.set('transit', view.transit.join(','));
  if (view.leagueFinding) q.set('league', '1');
  if (view.provoked) q.set('provoked', '1');
  if (view.overlays.length) q.set('overlays', JSON.stringify(view.overlays));
  if (view.treaty) q.set('treaty', view.treaty);
  if (view.compare.length) q.set('compare', view.compare.join(','));
  return `?${q.toString()}`;
}
