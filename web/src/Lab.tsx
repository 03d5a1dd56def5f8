/**
 * The crisis lab: an act (attacker, target, the timeline's day, or a historical crisis), who is
 * bound and on what condition, who can reach, toggles for abstentions and transit, a simulation
 * with progress and plots, overlays, and stored runs compared side by side.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type CasePreset, type Job, type Resolution, type RunSummary, type SimResult, type TimelineEntry, type World } from './api.js';
import { longDate, ROLE_COLOURS, ROLE_LABELS } from './format.js';
import { Compare, SimPlots } from './Plots.js';
import { rolesOf } from './roles.js';
import { ACT_KINDS, type LeagueOutcome, type ViewState } from './url.js';

const KIND_LABELS: Record<(typeof ACT_KINDS)[number], string> = {
  attack: 'is an armed attack',
  occupation: 'is an occupation',
  remilitarisation: 'remilitarises own territory',
  cession: 'is a cession under a signed treaty',
  declaration: 'is a declaration of war',
  intervention: 'is an intervention in a civil war',
};

/** A preset's League assumption as the lab's control holds it (true and false are the older spelling). */
function leagueOutcomeOf(value: boolean | LeagueOutcome | undefined): LeagueOutcome {
  if (value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'aggression' : 'otherwise';
  return value;
}
import type { CasePreset, Resolution, TimelineEntry, World } from './api.js';
import { Bound } from './Bound.js';
import { longDate } from './days.js';
import { Simulation } from './Simulation.js';
import type { ViewState } from './url.js';

interface Props {
  scenario: string;
  world: World | undefined;
  view: ViewState;
  setView: (patch: Partial<ViewState>) => void;
  resolution: Resolution | undefined;
  resolveError: string | undefined;
  cases: CasePreset[];
  entries: TimelineEntry[];
  onTreaty: (id: string) => void;
}

export function Lab({ scenario, world, view, setView, resolution, resolveError, cases, entries }: Props) {
  // By name, as people look for them.
  const states = [...(world?.states ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const presets = cases.length ? cases : presetsFromEvents(entries);
  const current = presets.find((c) => c.date === view.day && c.attackers.join() === view.attacker && c.target === view.target && (c.kind ?? 'attack') === (view.kind || 'attack'));
  const choose = (id: string) => {
    const c = presets.find((p) => p.id === id);
    if (!c) return;
    setView({
      day: c.date,
      attacker: c.attackers.join(','),
      target: c.target,
      abstain: c.assumptions?.abstain ?? [],
      transit: (c.assumptions?.transit ?? []).map((t) => `${t.grantor}:${t.grantee}`),
      leagueFinding: leagueOutcomeOf(c.assumptions?.leagueFinding),
      kind: c.kind && c.kind !== 'attack' ? c.kind : '',
      provoked: c.assumptions?.provoked ?? false,
      tab: 'lab',
    });
  };
  return (
    <div class="lab" data-testid="lab">
      <fieldset class="act">
        <label>
          Historical crisis{' '}
          <select value={current?.id ?? ''} onChange={(e) => choose(e.currentTarget.value)} data-testid="preset">
            <option value="">— choose —</option>
            {presets.map((c) => (
              <option key={c.id} value={c.id}>
                {c.date} · {c.title}
              </option>
            ))}
          </select>
        </label>
        {current?.citation ? (
          <p class="sources" data-testid="preset-source">
            {current.note ? <span class="note">{current.note} </span> : null}
            Source: <cite>{current.citation}</cite>
          </p>
        ) : null}
        <div class="row">
          <StateSelect label="Attacker" testid="attacker" states={states} value={view.attacker?.split(',')[0]} onChange={(attacker) => setView({ attacker })} />
          <StateSelect label="Target" testid="target" states={states} value={view.target} onChange={(target) => setView({ target })} />
          <span class="on-day">on {longDate(view.day)} (the timeline sets the day)</span>
        </div>
        <div class="row">
          <label>
            The act{' '}
            <select value={view.kind || 'attack'} onChange={(e) => setView({ kind: e.currentTarget.value === 'attack' ? '' : e.currentTarget.value })} data-testid="act-kind">
              {ACT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            The League Council{' '}
            <select value={view.leagueFinding} onChange={(e) => setView({ leagueFinding: e.currentTarget.value as LeagueOutcome })} data-testid="league">
              <option value="">— not assumed —</option>
              <option value="aggression">finds aggression</option>
              <option value="no-decision">makes no recommendation or fails to agree</option>
              <option value="otherwise">finds no aggression</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={view.provoked} onChange={(e) => setView({ provoked: e.currentTarget.checked })} data-testid="provoked" /> the attack was provoked
          </label>
        </div>
      </fieldset>
      {resolveError ? <p class="error" data-testid="resolve-error">{resolveError}</p> : null}
      {resolution ? <Bound scenario={scenario} resolution={resolution} world={world} view={view} setView={setView} /> : !resolveError ? <p class="hint">Choose an attacker and a target, or a historical crisis.</p> : null}
      {resolution ? <Simulation scenario={scenario} view={view} setView={setView} resolution={resolution} world={world} /> : null}
    </div>
  );
}

function presetsFromEvents(entries: TimelineEntry[]): CasePreset[] {
  return entries
    .filter((e) => ['aggression', 'annexation', 'occupation', 'border-clash', 'war'].includes(e.kind) && e.actors.length >= 2)
    .map((e) => ({ id: e.ref, title: e.title, date: e.date, attackers: [e.actors[0]!], target: e.actors[e.actors.length - 1]! }));
}

/** Order of rows: bound to fight first, then bound on a condition, then sanctions only. Pure. */
function rank(s: Resolution['states'][number]): number {
  const assists = s.obligations.filter((o) => o.kind === 'assist' || o.kind === 'assist-attacker');
  return (s.mustAct ? 4 : 0) + (assists.some((o) => o.active) ? 2 : 0) + (assists.length ? 1 : 0);
}

/** Who is bound, on what condition, who can reach; toggles for abstention and transit. */
function Bound({ resolution, view, setView, onTreaty }: { resolution: Resolution; view: ViewState; setView: Props['setView']; onTreaty: (id: string) => void }) {
  const [all, setAll] = useState(false);
  const roles = rolesOf(resolution);
  // Shown: states that must act, and states with an assistance obligation (met or not). The
  // Covenant's sanctions, owed by every member once the League finds aggression, are summed up
  // in one line unless they are due, so that fifty rows do not hide the three that matter.
  const shown = (o: Resolution['states'][number]['obligations'][number]) => all || o.kind === 'assist' || o.kind === 'assist-attacker' || (o.kind === 'sanctions' && o.active);
  const rows = resolution.states
    .filter((s) => s.mustAct || s.obligations.some(shown))
    .sort((a, b) => rank(b) - rank(a) || a.state.localeCompare(b.state));
  const pendingSanctions = resolution.states.filter((s) => !s.mustAct && s.obligations.some((o) => o.kind === 'sanctions' && !o.active)).map((s) => s.state);
  const toggle = (list: string[], item: string) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const { act } = resolution;
  return (
    <section class="bound">
      <h3 data-testid="crisis-title">
        If {act.attackers.join(' and ')} attacks {act.target} on {longDate(act.date)}
      </h3>
      <table data-testid="bound-table">
        <thead>
          <tr>
            <th>State</th>
            <th>Bound by</th>
            <th>Must act?</th>
            <th>Can it get there?</th>
            <th>Abstains</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => {
            const role = roles.get(s.state) ?? 'other';
            return (
              <tr key={s.state} data-state={s.state} data-must-act={String(s.mustAct)}>
                <td>
                  <span class="swatch" style={{ background: ROLE_COLOURS[role] }} title={ROLE_LABELS[role]} /> <strong>{s.state}</strong>
                </td>
                <td>
                  {s.obligations
                    .filter((o) => shown(o) || (s.mustAct && BINDING.has(o.kind) && o.active))
                    .map((o, i) => (
                      <div key={i} class={`obligation ${o.active ? 'active' : 'inactive'}`}>
                        <span class="kind">{o.kind}</span> → {o.toward} under{' '}
                        <a onClick={() => onTreaty(o.treaty)} data-treaty={o.treaty}>
                          {o.treatyName}
                        </a>
                        {o.article ? ` (${o.article})` : ''}
                        {o.conditions.length ? (
                          <ul class="conditions">
                            {o.conditions.map((c, j) => (
                              <li key={j} class={`condition ${c.status}`} data-status={c.status}>
                                {c.status === 'met' ? '✓' : c.status === 'unmet' ? '✗' : '…'} {c.why}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <span class="unconditional"> — unconditional</span>
                        )}
                      </div>
                    ))}
                </td>
                <td class={s.mustAct ? 'yes' : 'no'}>{s.mustAct ? (s.acts ? 'yes' : 'yes, but abstains') : 'no'}</td>
                <td data-testid={`reach-${s.state}`}>
                  {s.reach ? (
                    <>
                      <strong class={`reach reach-${s.reach.mode}`}>{reachLabel(s.reach.mode)}</strong>
                      {s.reach.via.length ? ` via ${s.reach.via.join(', ')}` : ''}
                      <div class="why">{s.reach.reason}</div>
                      {(s.reach.refusedBy ?? []).map((grantor) => {
                        const key = `${grantor}:${s.state}`;
                        return (
                          <label key={key} class="toggle">
                            <input type="checkbox" checked={view.transit.includes(key)} onChange={() => setView({ transit: toggle(view.transit, key) })} data-transit={key} /> assume {grantor} lets {s.state} pass
                          </label>
                        );
                      })}
                      {s.reach.mode === 'transit'
                        ? s.reach.via
                            .filter((g) => view.transit.includes(`${g}:${s.state}`))
                            .map((g) => (
                              <label key={g} class="toggle">
                                <input type="checkbox" checked onChange={() => setView({ transit: toggle(view.transit, `${g}:${s.state}`) })} data-transit={`${g}:${s.state}`} /> assume {g} lets {s.state} pass
                              </label>
                            ))
                        : null}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {s.state !== act.target && !act.attackers.includes(s.state) ? (
                    <input type="checkbox" checked={view.abstain.includes(s.state)} onChange={() => setView({ abstain: toggle(view.abstain, s.state) })} aria-label={`${s.state} abstains`} data-abstain={s.state} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p class="hint">No state has an obligation toward either side.</p> : null}
      {pendingSanctions.length && !all ? (
        <p class="hint" data-testid="pending-sanctions">
          {pendingSanctions.length} League members ({pendingSanctions.join(', ')}) would owe sanctions under the Covenant (Art. 16) once the League finds aggression: tick “the League finds aggression” to see them bound.
        </p>
      ) : null}
      <label class="toggle">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> also show neutrality, nonaggression and consultation obligations
      </label>
      {resolution.breaches.length ? (
        <>
          <h4>Breaches</h4>
          <ul class="breaches" data-testid="breaches">
            {resolution.breaches.map((b, i) => (
              <li key={i}>
                <strong>{b.state}</strong> breaches <a onClick={() => onTreaty(b.treaty)}>{b.treaty}</a> ({b.kind}): {b.why}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <details class="explanation">
        <summary>Explanation: the chain of provisions and conditions</summary>
        <Tree nodes={resolution.explanation} />
      </details>
    </section>
  );
}

function reachLabel(mode: string): string {
  return mode === 'border' ? 'yes, across a common border' : mode === 'transit' ? 'yes, in transit' : mode === 'sea' ? 'yes, by sea' : 'no';
}

function Tree({ nodes }: { nodes: Resolution['explanation'] }) {
  return (
    <ul class="tree">
      {nodes.map((n, i) => (
        <li key={i}>
          {n.label}
          {n.children.length ? <Tree nodes={n.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** A simulation job with progress, its plots, overlays, and stored runs to compare. */
function Simulation({ scenario, view, setView, resolution }: { scenario: string; view: ViewState; setView: Props['setView']; resolution: Resolution }) {
  const [runs, setRuns] = useState(100_000);
  const [seed, setSeed] = useState(1);
  const [job, setJob] = useState<Job | undefined>();
  const [ranking, setRanking] = useState<Job | undefined>();
  const [deriveId, setDeriveId] = useState('');
  const [derived, setDerived] = useState<string | undefined>();
  const derive = () => {
    setError(undefined);
    api.derive(scenario, { id: deriveId, overlays: view.overlays }).then(
      (s) => setDerived(s.id),
      (e: Error) => setError(e.message),
    );
  };
  const [error, setError] = useState<string | undefined>();
  const [stored, setStored] = useState<RunSummary[]>([]);
  const [compared, setCompared] = useState<{ id: number; result: SimResult; label: string }[]>([]);
  const [overlayText, setOverlayText] = useState(view.overlays.length ? JSON.stringify(view.overlays, null, 2) : '');
  const polling = useRef(0);

  const refreshRuns = () => api.runs(scenario).then((r) => setStored(r.runs), () => undefined);
  useEffect(() => {
    void refreshRuns();
  }, [scenario]);
  useEffect(() => {
    Promise.all([...view.compare].sort((x, y) => x - y).slice(0, 2).map((id) => api.run(id).then((r) => ({ id, result: r.result, label: labelOf(r) })))).then(setCompared, () => setCompared([]));
  }, [view.compare.join()]);
  useEffect(() => () => void (polling.current = -1), []);

  const act = resolution.act;
  const actBody = () => ({
    attackers: act.attackers,
    target: act.target,
    date: act.date,
    abstain: view.abstain,
    transit: view.transit.map((t) => ({ grantor: t.split(':')[0]!, grantee: t.split(':')[1]! })),
    ...(view.kind ? { kind: view.kind } : {}),
    ...(view.leagueFinding ? { leagueFinding: view.leagueFinding } : {}),
    provoked: view.provoked,
    seed,
    overlays: view.overlays,
  });
  /** Submits a job and polls it until it ends, showing its progress. */
  const follow = async (submit: () => Promise<Job>, show: (job: Job) => void) => {
    setError(undefined);
    try {
      let current = await submit();
      show(current);
      const token = ++polling.current;
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((r) => setTimeout(r, 150));
        if (polling.current !== token) return;
        current = await api.job(current.id);
        show(current);
      }
      if (current.status === 'failed') setError(current.error ?? 'the job failed');
      void refreshRuns();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const start = () => follow(() => api.simulate(scenario, { ...actBody(), runs }), setJob);
  const rank = () => follow(() => api.whatif(scenario, { ...actBody(), runs: Math.min(20_000, runs) }), setRanking);
  const applyOverlays = () => {
    try {
      const parsed = overlayText.trim() ? JSON.parse(overlayText) : [];
      setView({ overlays: Array.isArray(parsed) ? parsed : [parsed] });
      setError(undefined);
    } catch (e) {
      setError(`overlays: ${(e as Error).message}`);
    }
  };
  const suggestions = resolution.states.flatMap((s) =>
    (s.reach?.refusedBy ?? []).map((g) => ({ id: `${g.toLowerCase()}-grants-${s.state.toLowerCase()}`, title: `${g} lets ${s.state} through`, changes: [{ op: 'grant-transit', grantor: g, grantee: s.state }] })),
  );
  const addSuggestion = (o: (typeof suggestions)[number]) => {
    const next = [...view.overlays.filter((x) => (x as { id?: string }).id !== o.id), o];
    setView({ overlays: next });
    setOverlayText(JSON.stringify(next, null, 2));
  };
  const busy = (j: Job | undefined) => j !== undefined && (j.status === 'queued' || j.status === 'running');
  const running = busy(job) || busy(ranking);
  const applyCandidate = (id: string) => {
    const overlay = ranking?.result?.overlays?.find((o) => o.id === id);
    if (!overlay) return;
    const next = [...view.overlays.filter((x) => (x as { id?: string }).id !== id), overlay];
    setView({ overlays: next });
    setOverlayText(JSON.stringify(next, null, 2));
  };
  const toggleCompare = (id: number) => setView({ compare: view.compare.includes(id) ? view.compare.filter((x) => x !== id) : [...view.compare, id].slice(-2) });

  return (
    <section class="simulation">
      <h3>Would it deter? Simulate</h3>
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
          seed <input type="number" min={0} value={seed} onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.currentTarget.value) || 0)))} class="seed" />
        </label>
        <button onClick={start} disabled={running} data-testid="run-sim">
          Run simulation
        </button>
        <button onClick={rank} disabled={running} data-testid="run-whatif" title="Simulate each single change (a missing convention, a refused transit granted, a guarantee, another government line) and rank them by how much they move deterrence">
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
      {job?.status === 'done' && job.result ? <SimPlots result={job.result} /> : null}
      {ranking ? (
        <div class="progress">
          <progress max={ranking.progress.total || 1} value={ranking.progress.done} /> ranking single changes: {ranking.status}
        </div>
      ) : null}
      {ranking?.status === 'done' && ranking.result?.candidates ? (
        <div class="ranking" data-testid="whatif">
          <h4>
            Single changes, by how much they move deterrence (baseline {(100 * ranking.result.baseline!.p).toFixed(1)}%, {ranking.result.runs.toLocaleString('en')} samples each)
          </h4>
          <table>
            <thead>
              <tr>
                <th>Change</th>
                <th>Deterrence</th>
                <th>Δ balance</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {ranking.result.candidates.slice(0, 10).map((c) => (
                <tr key={c.id}>
                  <td>{c.title}</td>
                  <td>
                    {c.error ? <span class="error">{c.error}</span> : `${c.delta >= 0 ? '+' : ''}${(100 * c.delta).toFixed(1)} pts (${(100 * c.deltaCi[0]).toFixed(1)}…${(100 * c.deltaCi[1]).toFixed(1)})`}
                  </td>
                  <td>{c.deltaRatio !== undefined ? `${c.deltaRatio >= 0 ? '+' : ''}${c.deltaRatio.toFixed(2)}` : ''}</td>
                  <td>
                    <button class="small" onClick={() => applyCandidate(c.id)} disabled={Boolean(c.error)}>
                      apply
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">Δ balance: the change in the ratio of the defenders' strength to the attacker's; it ranks changes that deter in no sample. Applied changes enter the next simulation.</p>
        </div>
      ) : null}
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
        <textarea rows={6} value={overlayText} onInput={(e) => setOverlayText(e.currentTarget.value)} placeholder='[{"id": "fr-su-convention", "title": "France and the USSR sign the military convention", "changes": [{"op": "add-convention", "between": ["FRN", "RUS"]}]}]' />
        <button class="small" onClick={applyOverlays}>
          apply
        </button>
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
              keep as a scenario named <input value={deriveId} onInput={(e) => setDeriveId(e.currentTarget.value)} placeholder="e.g. munich-with-convention" data-testid="derive-id" />
              <button class="small" onClick={derive} disabled={!deriveId} data-testid="derive">
                save
              </button>
            </span>
          </>
        ) : null}
        {derived ? (
          <p class="hint" data-testid="derived">
            Saved. <a href={`?scenario=${encodeURIComponent(derived)}&day=${view.day}`}>Open scenario “{derived}”</a>: the overlays are part of its treaties and facts.
          </p>
        ) : null}
      </details>
      {stored.length ? (
        <details class="runs" open={view.compare.length > 0}>
          <summary>Stored runs: tick two to compare side by side</summary>
          <ul>
            {stored.map((r) => (
              <li key={r.id}>
                <label>
                  <input type="checkbox" checked={view.compare.includes(r.id)} onChange={() => toggleCompare(r.id)} data-run={r.id} /> #{r.id} {labelOf(r)}
                </label>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {compared.length === 2 ? <Compare a={compared[0]!.result} b={compared[1]!.result} labels={[`#${compared[0]!.id} ${compared[0]!.label}`, `#${compared[1]!.id} ${compared[1]!.label}`]} /> : null}
    </section>
  );
}

function labelOf(r: RunSummary): string {
  const p = r.parameters;
  const extras = [
    p.abstain?.length ? `abstain ${p.abstain.join(',')}` : '',
    p.transit?.length ? `transit ${p.transit.map((t) => `${t.grantor}→${t.grantee}`).join(',')}` : '',
    p.overlays?.length ? `${p.overlays.length} overlay(s)` : '',
  ].filter(Boolean);
  return `${p.attackers?.join('+')}→${p.target} ${p.date}, ${(p.runs ?? 0).toLocaleString('en')} samples${extras.length ? `, ${extras.join('; ')}` : ''}`;
}

/** A labelled choice among the day's states; the empty choice means none. */
function StateSelect(props: { label: string; testid: string; states: { id: string; name: string }[]; value: string | undefined; onChange: (id: string | undefined) => void }) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value || undefined)} data-testid={props.testid}>
        <option value="">—</option>
        {props.states.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
