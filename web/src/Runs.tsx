/** Simulation runs kept by the server: tick two to compare them side by side (the choice is in the address). */
import { useEffect, useState } from 'preact/hooks';
import { api, type SimResult, type StoredRun as RunSummary } from './api.js';
import { listOf, nameOf, useNav } from './nav.js';
import { Compare } from './Plots.js';
import type { ViewState } from './url.js';

/** A stored run in words: who attacks whom on which day, with what changed. Pure. */
export function runLabel(r: RunSummary, names: ReadonlyMap<string, string>): string {
  const p = r.parameters;
  const extras = [
    p.abstain?.length ? `${listOf(names, p.abstain)} abstain` : '',
    p.transit?.length ? `transit ${p.transit.map((t) => `${nameOf(names, t.grantor)} → ${nameOf(names, t.grantee)}`).join(', ')}` : '',
    p.overlays?.length ? `${p.overlays.length} change${p.overlays.length > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return `${listOf(names, p.attackers ?? [])} → ${nameOf(names, p.target ?? '')} ${p.date}, ${(p.runs ?? 0).toLocaleString('en')} samples${extras.length ? `, ${extras.join('; ')}` : ''}`;
}

/** The list of stored runs and, when two are ticked, their comparison. `version` changes when a run has been added. */
export function StoredRuns({ scenario, view, setView, version }: { scenario: string; view: ViewState; setView: (patch: Partial<ViewState>) => void; version: number }) {
  const { names } = useNav();
  const [stored, setStored] = useState<RunSummary[]>([]);
  const [compared, setCompared] = useState<{ id: number; result: SimResult; run: RunSummary }[]>([]);
  useEffect(() => {
    api.runs(scenario).then((r) => setStored(r.runs), () => undefined);
  }, [scenario, version]);
  useEffect(() => {
    Promise.all([...view.compare].sort((x, y) => x - y).slice(0, 2).map((id) => api.run(id).then((r) => ({ id, result: r.result, run: r })))).then(setCompared, () => setCompared([]));
  }, [view.compare.join()]);
  const toggle = (id: number) => setView({ compare: view.compare.includes(id) ? view.compare.filter((x) => x !== id) : [...view.compare, id].slice(-2) });
  return (
    <>
      {stored.length ? (
        <details class="runs" open={view.compare.length > 0}>
          <summary>Stored runs: tick two to compare side by side</summary>
          <ul>
            {stored.map((r) => (
              <li key={r.id}>
                <label>
                  <input type="checkbox" checked={view.compare.includes(r.id)} onChange={() => toggle(r.id)} data-run={r.id} /> #{r.id} {runLabel(r, names)}
                </label>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {compared.length === 2 ? (
        <Compare names={names} a={compared[0]!.result} b={compared[1]!.result} labels={[`#${compared[0]!.id} ${runLabel(compared[0]!.run, names)}`, `#${compared[1]!.id} ${runLabel(compared[1]!.run, names)}`]} />
      ) : null}
    </>
  );
}
