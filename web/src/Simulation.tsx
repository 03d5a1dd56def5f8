/** A simulation of the crisis with progress and plots, the ranking of single changes, overlays, and stored runs compared side by side. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { POWER_PARAMETERS } from '../../src/power/parameters.js';
import { actRequestOf } from './act-request.js';
import { api, type Job, type Overlay, type Resolution, type SimResult, type WhatifResult, type World } from './api.js';
import { download, exportSvg, toCsv } from './exports.js';
import { useNav, ViewLink, withNames } from './nav.js';
import { OverlayEditor } from './OverlayEditor.js';
import { SimPlots } from './Plots.js';
import { Ranking } from './Ranking.js';
import { StoredRuns } from './Runs.js';
import { TeacherWhatif, teacherNotes } from './TeacherWhatif.js';
import { readOverlaysText } from './overlay-check.js';
import type { ViewState } from './url.js';

/** The model's default deterrence ratio, from its parameters (the glossary explains it). */
const DETERRENCE_RATIO = POWER_PARAMETERS.find((p) => p.name === 'power-deterrence-ratio')!.default;

interface Props {
  scenario: string;
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
  resolution: Resolution;
  world?: World | undefined;
}

/** A simulation job with progress, its plots, overlays, and stored runs to compare. */
export function Simulation({ scenario, view, setView, resolution, world }: Props) {
  const { names } = useNav();
  const [runs, setRuns] = useState(100_000);
  const [seed, setSeed] = useState(1);
  const [seedText, setSeedText] = useState('1');
  const [seedError, setSeedError] = useState<string | undefined>();
  const [job, setJob] = useState<Job<SimResult> | undefined>();
  const [ranking, setRanking] = useState<Job<WhatifResult> | undefined>();
  const [deriveId, setDeriveId] = useState('');
  const deriveProblem = deriveId && !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(deriveId) ? `“${deriveId}” cannot name a scenario: start with a letter, then letters, digits, “-” or “_”.` : undefined;
  const [derived, setDerived] = useState<string | undefined>();
  const derive = () => {
    setError(undefined);
    api.derive(scenario, { id: deriveId, overlays: view.overlays as Overlay[] }).then(
      (s) => setDerived(s.id),
      (e: Error) => setError(e.message),
    );
  };
  const [error, setError] = useState<string | undefined>();
  const [runsVersion, setRunsVersion] = useState(0);
  const [overlayText, setOverlayText] = useState(view.overlays.length ? JSON.stringify(view.overlays, null, 2) : '');
  const polling = useRef(0);

  useEffect(() => () => void (polling.current = -1), []);

  const act = resolution.act;
  const actBody = () => ({
    ...actRequestOf(view, act),
    seed,
    // Overlays typed or pasted by hand; the server checks them.
    overlays: view.overlays as Overlay[],
  });
  /** Submits a job and polls it until it ends, showing its progress. */
  const follow = async <R,>(submit: () => Promise<Job<R>>, show: (job: Job<R>) => void) => {
    setError(undefined);
    try {
      let current = await submit();
      show(current);
      const token = ++polling.current;
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((r) => setTimeout(r, 150));
        if (polling.current !== token) return;
        current = await api.job<R>(current.id);
        show(current);
      }
      if (current.status === 'failed') setError(current.error ?? 'the job failed');
      setRunsVersion((v) => v + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const start = () => follow(() => api.simulate(scenario, { ...actBody(), runs }), setJob);
  // The server generates candidates when none are given; the teacher's list gives its own.
  const rank = (candidates?: Overlay[]) => follow(() => api.whatif(scenario, { ...actBody(), runs: Math.min(20_000, runs), ...(candidates ? { candidates } : {}) } as Parameters<typeof api.whatif>[1]), setRanking);
  const [overlayProblem, setOverlayProblem] = useState<string | undefined>();
  // Bad JSON is refused with what and where; the overlays in use (and the address) stay as they were.
  const applyOverlays = () => {
    const read = readOverlaysText(overlayText);
    setOverlayProblem('problem' in read ? `Overlays not applied: ${read.problem}. The ${view.overlays.length} in use are unchanged.` : undefined);
    if ('overlays' in read) setView({ overlays: read.overlays });
  };
  const suggestions = resolution.states.flatMap((s) =>
    (s.reach?.refusedBy ?? []).map((g) => ({ id: `${g.toLowerCase()}-grants-${s.state.toLowerCase()}`, title: withNames(`${g} lets ${s.state} through`, names), changes: [{ op: 'grant-transit', grantor: g, grantee: s.state }] })),
  );
  const replaceOverlays = (next: unknown[]) => {
    setView({ overlays: next });
    setOverlayText(next.length ? JSON.stringify(next, null, 2) : '');
  };
  const addSuggestion = (o: (typeof suggestions)[number]) => {
    const next = [...view.overlays.filter((x) => (x as { id?: string }).id !== o.id), o];
    setView({ overlays: next });
    setOverlayText(JSON.stringify(next, null, 2));
  };
  const busy = (j: Job<unknown> | undefined) => j !== undefined && (j.status === 'queued' || j.status === 'running');
  const running = busy(job) || busy(ranking);
  const applyCandidate = (id: string) => {
    const overlay = ranking?.result?.overlays?.find((o) => o.id === id);
    if (!overlay) return;
    const next = [...view.overlays.filter((x) => (x as { id?: string }).id !== id), overlay];
    setView({ overlays: next });
    setOverlayText(JSON.stringify(next, null, 2));
  };

  return (
    <section class="simulation">
      <h3>Would it deter? Simulate</h3>
      <p class="hint">
        Each sample draws who honours its obligation; the attacker counts as deterred when the side that would fight it weighs at least {DETERRENCE_RATIO} × its own.{' '}
        <ViewLink patch={{ tab: 'glossary' }} testid="deterrence-rule-link">
          The deterrence rule and its numbers
        </ViewLink>
      </p>
      <div class="row">
        <label>
          samples{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.currentTarget.value))}>
            {[10_000, 100_000, 1_000_000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en')}
              </option>
            ))}
          </select>
        </label>
        <label>
          seed{' '}
          <input
            inputMode="numeric"
            value={seedText}
            onInput={(e) => {
              const text = e.currentTarget.value;
              setSeedText(text);
              // A seed is a whole number; anything else is refused with a message and the last good seed kept.
              if (/^\d{1,10}$/.test(text.trim()) && Number(text) <= 2 ** 31 - 1) {
                setSeed(Number(text));
                setSeedError(undefined);
              } else setSeedError(`The seed must be a whole number from 0 to ${2 ** 31 - 1}, not “${text}”; the simulation keeps seed ${seed}.`);
            }}
            class="seed"
            aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? 'seed-error' : undefined}
            data-testid="seed"
          />
        </label>
        <button onClick={start} disabled={running} data-testid="run-sim">
          Run simulation
        </button>
        <button onClick={() => rank()} disabled={running} data-testid="run-whatif" title="Simulate each single change (a missing convention, a refused transit granted, a guarantee, another government line) and rank them by how much they move deterrence">
          Which single change matters most?
        </button>
        {busy(job) ? (
          <button class="small" onClick={() => fetch(`/api/jobs/${job!.id}`, { method: 'DELETE' })}>
            stop
          </button>
        ) : null}
      </div>
      {job ? (
        <div class="progress" data-testid="progress">
          <progress max={job.progress.total || 1} value={job.progress.done} /> {job.status}
          {job.status === 'queued' && job.queued ? ` (${job.queued} in the queue)` : ''} · {job.progress.done.toLocaleString('en')} / {job.progress.total.toLocaleString('en')}
        </div>
      ) : null}
      {error ? <p class="error">{error}</p> : null}
      {seedError ? (
        <p class="error" id="seed-error" role="alert" data-testid="seed-error">
          {seedError}
        </p>
      ) : null}
      {job?.status === 'done' && job.result ? (
        <>
          <SimPlots result={job.result} names={names} />
          <p class="exports no-print">
            Export the result:{' '}
            <button class="small" data-testid="export-sim-json" onClick={() => download(`casus-simulation-${job.runId ?? 'run'}.json`, 'application/json', `${JSON.stringify(job.result, null, 2)}\n`)}>
              JSON
            </button>
            <button class="small" data-testid="export-sim-csv" onClick={() => download(`casus-simulation-${job.runId ?? 'run'}.csv`, 'text/csv', toCsv(['state', 'code', 'pFight', 'pHonour'], job.result!.states.map((x) => [names.get(x.state) ?? x.state, x.state, x.pFight, x.pHonour])))}>
              CSV
            </button>
            <button class="small" data-testid="export-plot-svg" onClick={() => exportSvg('[data-testid="pfight"]', 'casus-who-fights', 'svg')}>
              plot as SVG
            </button>
            <button class="small" onClick={() => exportSvg('[data-testid="pfight"]', 'casus-who-fights', 'png')}>
              plot as PNG
            </button>
          </p>
        </>
      ) : null}
      <TeacherWhatif act={act} world={world} running={running} onRank={rank} />
      {ranking ? (
        <div class="progress">
          <progress max={ranking.progress.total || 1} value={ranking.progress.done} /> ranking single changes: {ranking.status}
        </div>
      ) : null}
      {ranking?.status === 'done' && ranking.result?.candidates ? <Ranking result={ranking.result} world={world} act={resolution.act} onApply={applyCandidate} notes={teacherNotes(act, names, world)} /> : null}
      <details class="overlays" open={view.overlays.length > 0}>
        <summary>Counterfactual overlays ({view.overlays.length} applied to the simulation)</summary>
        {suggestions.length ? (
          <p>
            Suggestions:{' '}
            {suggestions.map((o) => (
              <button key={o.id} class="small" onClick={() => addSuggestion(o)}>
                + {o.title}
              </button>
            ))}
          </p>
        ) : null}
        {view.overlays.length ? (
          <ul class="applied" data-testid="applied-overlays">
            {(view.overlays as Overlay[]).map((o, k) => (
              <li key={`${o.id}-${k}`}>
                {withNames(o.title ?? o.id, names)}{' '}
                <button class="small" onClick={() => replaceOverlays(view.overlays.filter((_, j) => j !== k))} aria-label={`Remove: ${o.title ?? o.id}`}>
                  remove
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <OverlayEditor world={world} day={view.day} onAdd={(o) => replaceOverlays([...view.overlays.filter((x) => (x as Overlay).id !== o.id), o])} />
        <p class="hint">Every change is in the address: copy it to share this counterfactual. The JSON below is the same list, for editing by hand.</p>
        <textarea rows={6} aria-label="Overlays as JSON" data-testid="overlay-json" value={overlayText} onInput={(e) => setOverlayText(e.currentTarget.value)} placeholder='[{"id": "fr-su-convention", "title": "France and the USSR sign the military convention", "changes": [{"op": "add-convention", "between": ["FRN", "RUS"]}]}]' />
        <button class="small" onClick={applyOverlays} data-testid="overlay-json-apply">
          apply
        </button>
        {overlayProblem ? <p class="error" role="alert" data-testid="overlay-json-problem">{overlayProblem}</p> : null}
        {view.overlays.length ? (
          <>
            <button
              class="small"
              onClick={() => {
                setView({ overlays: [] });
                setOverlayText('');
              }}
            >
              clear
            </button>
            <span class="derive">
              <label>
                keep as a scenario named <input value={deriveId} onInput={(e) => setDeriveId(e.currentTarget.value)} placeholder="e.g. munich-with-convention" aria-invalid={deriveProblem ? true : undefined} data-testid="derive-id" />
              </label>
              <button class="small" onClick={derive} disabled={!deriveId || Boolean(deriveProblem)} data-testid="derive">
                save
              </button>
            </span>
          </>
        ) : null}
        {deriveProblem ? <p class="error" role="alert">{deriveProblem}</p> : null}
        {derived ? (
          <p class="hint" data-testid="derived">
            Saved. <a href={`?scenario=${encodeURIComponent(derived)}&day=${view.day}`}>Open scenario “{derived}”</a>: the overlays are part of its treaties and facts.
          </p>
        ) : null}
      </details>
      <StoredRuns scenario={scenario} view={view} setView={setView} version={runsVersion} />
    </section>
  );
}
