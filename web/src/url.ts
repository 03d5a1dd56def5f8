/** Every view has a URL: the day, the tab, the crisis, its assumptions and overlays live in the query string. */
import type { ActKind, LeagueFinding } from '../../src/model/schema.js';

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
  /** The League Council's outcome, or '' when not assumed. */
  leagueFinding: LeagueOutcome;
  /** What the act is; '' for an armed attack. */
  kind: string;
  provoked: boolean;
  overlays: unknown[];
  treaty?: string | undefined;
  /** Stored runs shown side by side. */
  compare: number[];
}

export type LeagueOutcome = '' | LeagueFinding;
export const LEAGUE_OUTCOMES: readonly LeagueOutcome[] = ['aggression', 'no-decision', 'otherwise'];
export const ACT_KINDS = ['attack', 'occupation', 'remilitarisation', 'cession', 'declaration', 'intervention'] as const satisfies readonly ActKind[];
// Every kind the server takes is offered: a kind added to the schema fails to compile here until it is listed.
type NoneMissing<T extends never> = T;
export type KindsNotOffered = NoneMissing<Exclude<ActKind, (typeof ACT_KINDS)[number]>>;

/** `league=` in a URL: an outcome, or `1` as older URLs wrote aggression. */
function leagueOf(value: string | null): LeagueOutcome {
  if (value === '1') return 'aggression';
  return LEAGUE_OUTCOMES.find((o) => o === value) ?? '';
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
    leagueFinding: leagueOf(q.get('league')),
    kind: ACT_KINDS.find((k) => k !== 'attack' && k === q.get('kind')) ?? '',
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
  if (view.leagueFinding) q.set('league', view.leagueFinding);
  if (view.kind) q.set('kind', view.kind);
  if (view.provoked) q.set('provoked', '1');
  if (view.overlays.length) q.set('overlays', JSON.stringify(view.overlays));
  if (view.treaty) q.set('treaty', view.treaty);
  if (view.compare.length) q.set('compare', view.compare.join(','));
  return `?${q.toString()}`;
}
