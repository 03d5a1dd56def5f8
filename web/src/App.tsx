/**
 * The explorer: timeline on top, the map of the day, and one of the views beside it (a list:
 * adding a view is one entry in VIEWS). The URL holds the view; each user step is a history
 * entry, so Back and Forward walk through them.
 */
import { LanguageSwitch, useNames } from './Language.js';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { actRequestOf } from './act-request.js';
import { api, type CasePreset, type RegisterEntry, type Resolution, type ScenarioSummary, type ShapeCollection, type TimelineEntry, type World } from './api.js';
import { checkDay, dayAt } from './days.js';
import { MapView } from './MapView.js';
import { NavContext, type HistoryMode } from './nav.js';
import { Play } from './Play.js';
import { Timeline } from './Timeline.js';
import { TreatyCard } from './TreatyCard.js';
import { readView, writeView, type ViewState } from './url.js';
import { useLatest } from './use-latest.js';
import { VIEWS, type ViewContext } from './views.js';

/** The day a first visit opens on: the eve of Munich, the question the explorer is built to answer. */
const FIRST_DAY = '1938-09-28';

/** The Play view has its own page (?view=play); the choice is fixed for the page's life. */
const PLAY_VIEW = new URLSearchParams(location.search).get('view') === 'play';

export function App() {
  if (PLAY_VIEW) return <Play />;
  return <Explorer />;
}

function Explorer() {
  const [view, setViewState] = useState<ViewState>(() => readView(location.search, FIRST_DAY));
  const [scenarioId, setScenarioId] = useState<string | undefined>(view.scenario);
  const [scenarioList, setScenarioList] = useState<ScenarioSummary[]>([]);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [span, setSpan] = useState<{ from: string; until: string } | undefined>();
  const [cases, setCases] = useState<CasePreset[]>([]);
  const [readings, setReadings] = useState<RegisterEntry[] | undefined>();
  const [hasShapes, setHasShapes] = useState(false);
  const [fatal, setFatal] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [large, setLarge] = useState(() => localStorage.getItem('casus-large') === '1');

  // The first write normalises the address in place; later ones are steps a user can go back from.
  const historyMode = useRef<HistoryMode>('replace');
  const setView = (patch: Partial<ViewState>, mode: HistoryMode = 'push') => {
    historyMode.current = mode;
    if (patch.day !== undefined && mode === 'push') setNotice(undefined);
    setViewState((v) => ({ ...v, ...patch }));
  };
  useEffect(() => {
    const address = writeView(view);
    if (address !== location.search) (historyMode.current === 'push' ? history.pushState : history.replaceState).call(history, null, '', address);
    historyMode.current = 'push';
  }, [view]);
  useEffect(() => {
    const onPop = () => setViewState(readView(location.search, FIRST_DAY));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  // The crisis sheet prints the sources of the binding treaties, folded away on screen.
  useEffect(() => {
    const unfold = () => document.querySelectorAll<HTMLDetailsElement>('details.treaty-sources').forEach((d) => (d.open = true));
    addEventListener('beforeprint', unfold);
    return () => removeEventListener('beforeprint', unfold);
  }, []);
  useEffect(() => {
    document.documentElement.classList.toggle('large', large);
    localStorage.setItem('casus-large', large ? '1' : '0');
  }, [large]);

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
    }, (e: Error) => setFatal(e.message));
    api.cases(scenarioId).then((c) => setCases(c.cases), () => setCases([]));
    api.readings(scenarioId).then(
      (r) => setReadings(r.readings),
      () => setReadings([]),
    );
  }, [scenarioId]);
  // A day in the address that is no day, or outside the scenario, moves to the nearest good day and says so.
  useEffect(() => {
    if (!span) return;
    const checked = checkDay(view.day, span, FIRST_DAY >= span.from && FIRST_DAY < span.until ? FIRST_DAY : span.from);
    if (!checked.problem) return;
    setView({ day: checked.day }, 'replace');
    setNotice(`The address asked for a day that cannot be shown: ${checked.problem}`);
  }, [view.day, span]);
  const onDayText = (text: string) => {
    if (!span) return;
    const checked = checkDay(text, span, view.day);
    setView({ day: checked.day });
    if (checked.problem) setNotice(checked.problem);
  };

  const inSpan = span !== undefined && checkDay(view.day, span, view.day).problem === undefined;
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
          api.resolve(scenarioId, actRequestOf(view, { attackers, target: view.target!, date: view.day }))
      : undefined,
    [actKey, inSpan],
  );
  const resolution = crisis.error ? undefined : crisis.value;
  const highlight = useMemo(() => new Set(resolution ? [...resolution.act.attackers, resolution.act.target] : []), [resolution]);
  const { names, lang, setLang } = useNames(world.value);
  const current = VIEWS.find((v) => v.id === view.tab) ?? VIEWS[0]!;
  const tabKey = (e: KeyboardEvent) => {
    const at = VIEWS.indexOf(current);
    const to = e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : undefined;
    if (to === undefined) return;
    e.preventDefault();
    const next = VIEWS[(to + VIEWS.length) % VIEWS.length]!;
    setView({ tab: next.id });
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };

  if (fatal) return <main class="fatal">The casus server could not be reached: {fatal}</main>;
  const context: ViewContext | undefined = scenarioId
    ? { scenario: scenarioId, world: world.value, view, setView, resolution, resolveError: crisis.error, cases, entries, highlight, openTreaty: (id) => setView({ treaty: id }), readings }
    : undefined;
  return (
    <NavContext.Provider value={{ view, go: setView, names }}>
      <div class="app">
        <a class="skip" href="#panel">
          Skip to the {current.label.toLowerCase()}
        </a>
        <header>
          <h1>
            casus <span>collective security, 1929–1939</span>
          </h1>
          <p class="question">Who was bound to whom, on what condition — and could help arrive?</p>
          <div class="header-tools">
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
            <LanguageSwitch lang={lang} onLang={setLang} />
            <button aria-pressed={large} onClick={() => setLarge(!large)} data-testid="large-type">
              Large type
            </button>
            <a href="/?view=play" data-testid="play-link">
              Play
            </a>
            <button onClick={() => print()} data-testid="print">
              Print crisis sheet
            </button>
          </div>
        </header>
        {span ? <Timeline span={span} day={view.day} entries={entries} onDay={(day, mode) => setView({ day }, mode)} onDayText={onDayText} /> : null}
        {notice ? (
          <p class="notice" role="status" data-testid="notice">
            {notice}{' '}
            <button class="small" onClick={() => setNotice(undefined)} aria-label="Dismiss this message">
              ×
            </button>
          </p>
        ) : null}
        <main>
          <section class="left" aria-label="Map">
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
            <div class="tabs" role="tablist" aria-label="Views" onKeyDown={tabKey}>
              {VIEWS.map((t) => (
                <button
                  key={t.id}
                  id={`tab-${t.id}`}
                  role="tab"
                  aria-selected={t === current}
                  aria-controls="panel"
                  tabIndex={t === current ? 0 : -1}
                  class={t === current ? 'active' : ''}
                  onClick={() => setView({ tab: t.id })}
                  data-tab={t.id}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <div id="panel" role="tabpanel" aria-labelledby={`tab-${current.id}`} tabIndex={-1}>
              {view.treaty && scenarioId ? <TreatyCard scenario={scenarioId} treatyId={view.treaty} world={world.value} onClose={() => setView({ treaty: undefined })} /> : null}
              {context ? current.render(context) : null}
            </div>
          </section>
        </main>
        <footer>
          Every fact carries its source: a seed text quoted verbatim, or a standard reference. Map: {shapes?.features.length ? 'coastlines from Natural Earth (public domain); borders from CShapes 2.0 (GPL, imported on this server)' : 'the scenario’s territories on Natural Earth (public domain), outlines approximate'}. <a href="/api/openapi.json">API</a>
          {span ? <span class="print-only"> · Scenario span {span.from} to {dayAt(span.until, -1)}.</span> : null}
        </footer>
      </div>
    </NavContext.Provider>
  );
}
