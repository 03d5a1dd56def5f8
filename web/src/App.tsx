/** The explorer: timeline on top, the map of the day on the left, network / crisis lab / events on the right; the URL holds the view. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, type CasePreset, type RegisterEntry, type Resolution, type Seed, type ScenarioSummary, type ShapeCollection, type TimelineEntry, type World } from './api.js';
import { AlignmentDrift } from './AlignmentDrift.js';
import { api, type CasePreset, type Resolution, type ScenarioSummary, type ShapeCollection, type TimelineEntry, type World } from './api.js';
import { Events } from './Events.js';
import { Lab } from './Lab.js';
import { MapView } from './MapView.js';
import { Network } from './Network.js';
import { Play } from './Play.js';
import { Timeline } from './Timeline.js';
import { SeedsContext } from './format.js';
import { Readings } from './Readings.js';
import { TreatyCard } from './TreatyCard.js';
import { readView, writeView, type ViewState } from './url.js';

/** The day a first visit opens on: the eve of Munich, the question the explorer is built to answer. */
const FIRST_DAY = '1938-09-28';

/** Fetches the latest value of an async source, dropping answers to superseded requests. */
function useLatest<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): { value: T | undefined; error: string | undefined } {
  const [state, setState] = useState<{ value: T | undefined; error: string | undefined }>({ value: undefined, error: undefined });
  const token = useRef(0);
  useEffect(() => {
    const mine = ++token.current;
    if (!load) {
      setState({ value: undefined, error: undefined });
      return;
    }
    load().then(
      (value) => mine === token.current && setState({ value, error: undefined }),
      (e: Error) => mine === token.current && setState((s) => ({ value: s.value, error: e.message })),
    );
  }, deps);
  return state;
}

/** The Play view has its own page (?view=play); the choice is fixed for the page's life. */
const PLAY_VIEW = new URLSearchParams(location.search).get('view') === 'play';

export function App() {
  if (PLAY_VIEW) return <Play />;
  const [view, setViewState] = useState<ViewState>(() => readView(location.search, FIRST_DAY));
  const [scenarioId, setScenarioId] = useState<string | undefined>(view.scenario);
  const [scenarioList, setScenarioList] = useState<ScenarioSummary[]>([]);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [span, setSpan] = useState<{ from: string; until: string } | undefined>();
  const [cases, setCases] = useState<CasePreset[]>([]);
  const [readings, setReadings] = useState<RegisterEntry[] | undefined>();
  const [seeds, setSeeds] = useState<Seed[]>([]);
  const [hasShapes, setHasShapes] = useState(false);
  const [fatal, setFatal] = useState<string | undefined>();

  const setView = (patch: Partial<ViewState>) => setViewState((v) => ({ ...v, ...patch }));
  useEffect(() => history.replaceState(null, '', writeView(view)), [view]);
  useEffect(() => {
    const onPop = () => setViewState(readView(location.search, FIRST_DAY));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  useEffect(() => {
    api.scenarios().then((r) => {
      setScenarioList(r.scenarios);
      setScenarioId((id) => (id && r.scenarios.some((s) => s.id === id) ? id : r.default));
    }, (e: Error) => setFatal(e.message));
    fetch('/api/shapes/info')
      .then((r) => r.json())
      .then((info: { count: number }) => setHasShapes(info.count > 0), () => setHasShapes(false));
  }, []);
  useEffect(() => {
    if (!scenarioId) return;
    api.timeline(scenarioId).then((t) => {
      setEntries(t.entries);
      setSpan(t.span);
      // A day outside this scenario moves to the nearest day inside it.
      setViewState((v) => ({ ...v, day: v.day < t.span.from ? t.span.from : v.day >= t.span.until ? lastDay(t.span.until) : v.day }));
    }, (e: Error) => setFatal(e.message));
    api.cases(scenarioId).then((c) => setCases(c.cases), () => setCases([]));
    api.readings(scenarioId).then(
      (r) => (setReadings(r.readings), setSeeds(r.seeds)),
      () => (setReadings([]), setSeeds([])),
    );
  }, [scenarioId]);

  const inSpan = span !== undefined && view.day >= span.from && view.day < span.until;
  const world = useLatest<World>(scenarioId && inSpan ? () => api.world(scenarioId, view.day) : undefined, [scenarioId, view.day, inSpan]);
  // The same borders hold for months: ask again only when the day leaves the window they hold for.
  const [shapes, setShapes] = useState<ShapeCollection | undefined>();
  useEffect(() => {
    if (!hasShapes || (shapes && shapes.validFrom <= view.day && view.day < shapes.validUntil)) return;
    const day = view.day;
    const timer = setTimeout(() => api.shapes(day).then(setShapes, () => undefined), 120);
    return () => clearTimeout(timer);
  }, [hasShapes, view.day, shapes]);
  const attackers = view.attacker?.split(',').filter(Boolean) ?? [];
  const actKey = JSON.stringify([scenarioId, view.day, attackers, view.target, view.abstain, view.transit, view.leagueFinding, view.kind, view.provoked]);
  const crisis = useLatest<Resolution>(
    scenarioId && inSpan && attackers.length && view.target
      ? () =>
          api.resolve(scenarioId, {
            attackers,
            target: view.target!,
            date: view.day,
            abstain: view.abstain,
            transit: view.transit.map((t) => ({ grantor: t.split(':')[0]!, grantee: t.split(':')[1]! })),
            ...(view.kind ? { kind: view.kind } : {}),
            ...(view.leagueFinding ? { leagueFinding: view.leagueFinding } : {}),
            provoked: view.provoked,
          })
      : undefined,
    [actKey, inSpan],
  );
  const resolution = crisis.error ? undefined : crisis.value;
  const highlight = useMemo(() => new Set(resolution ? [...resolution.act.attackers, resolution.act.target] : []), [resolution]);
  const openTreaty = (id: string) => setView({ treaty: id });

  if (fatal) return <main class="fatal">The casus server could not be reached: {fatal}</main>;
  return (
    <SeedsContext.Provider value={seeds}>
    <div class="app">
      <header>
        <h1>
          casus <span>collective security, 1929–1939</span>
        </h1>
        <p class="question">Who was bound to whom, on what condition — and could help arrive?</p>
        <a href="/?view=play" data-testid="play-link">Play</a>
        {scenarioList.length > 1 ? (
          <select
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.currentTarget.value);
              setView({ scenario: e.currentTarget.value === scenarioList[0]?.id ? undefined : e.currentTarget.value });
            }}
            aria-label="Scenario"
            data-testid="scenario"
          >
            {scenarioList.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.origin})
              </option>
            ))}
          </select>
        ) : null}
      </header>
      {span ? <Timeline span={span} day={view.day} entries={entries} onDay={(day) => setView({ day })} /> : null}
      <main>
        <section class="left">
          <MapView
            world={world.value}
            resolution={resolution}
            shapes={shapes}
            region={view.region}
            onRegion={(region) => setView({ region })}
            onState={(id) => (view.tab === 'lab' && view.attacker && !view.target ? setView({ target: id }) : undefined)}
          />
          {world.error ? <p class="error">{world.error}</p> : null}
        </section>
        <section class="right">
          <nav class="tabs">
            {(['network', 'lab', 'events', 'readings'] as const).map((t) => (
              <button key={t} class={view.tab === t ? 'active' : ''} onClick={() => setView({ tab: t })} data-tab={t}>
                {t === 'network' ? 'Treaty network' : t === 'lab' ? 'Crisis lab' : t === 'events' ? 'Events & sources' : 'Readings'}
              </button>
            ))}
          </nav>
          {view.treaty && scenarioId ? <TreatyCard scenario={scenarioId} treatyId={view.treaty} world={world.value} onClose={() => setView({ treaty: undefined })} /> : null}
          {view.tab === 'network' ? <Network world={world.value} onTreaty={openTreaty} highlight={highlight} /> : null}
          {view.tab === 'lab' && scenarioId ? (
            <Lab scenario={scenarioId} world={world.value} view={view} setView={setView} resolution={resolution} resolveError={crisis.error} cases={cases} entries={entries} onTreaty={openTreaty} />
          ) : null}
          {view.tab === 'readings' ? <Readings readings={readings} onTreaty={openTreaty} /> : null}
          {view.tab === 'events' ? (
            <Events
              day={view.day}
              entries={entries}
              onDay={(day) => setView({ day })}
              onCrisis={(e) => setView({ tab: 'lab', day: e.date, attacker: e.actors[0], target: e.actors[e.actors.length - 1], abstain: [], transit: [] })}
            />
          ) : null}
          {view.tab === 'events' && scenarioId ? <AlignmentDrift scenario={scenarioId} /> : null}
        </section>
      </main>
      <footer>
        Every fact carries its source: a seed text quoted verbatim, or a standard reference. <a href="/api/openapi.json">API</a>
      </footer>
    </div>
    </SeedsContext.Provider>
  );
}

function lastDay(until: string): string {
  return new Date(Date.parse(`${until}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
