/**
 * Alignment drift, 1936–1939, as small multiples: one panel per step of the landscape
 * (Axelrod & Bennett 1993), the two predicted sides as columns, each state marked right or
 * wrong against the paper's actual alignment. Self-contained: its own fetch of /api/…/align.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Score } from '../../src/align/score.js';
import type { Watched } from '../../src/align/drift.js';

interface DriftStep {
  at: string;
  coalitions: string[][];
  energy: number;
  runnersUp: { coalitions: string[][]; energy: number }[];
  absent: string[];
  watched?: Watched;
  score: Score;
}

interface DriftAnswer {
  variant: string;
  reference: { id: string; label: string; sides: [string[], string[]] };
  steps: DriftStep[];
}

const VARIANTS = ['ab1993', 'wars-ever-opposed', 'ussr-orthodox', 'ideology-only', 'with-alliances'] as const;

/** One panel: the side holding Britain on the left. */
function Panel({ step, reference }: { step: DriftStep; reference: DriftAnswer['reference'] }) {
  const wrong = new Set(step.score.misplaced.map((m) => m.state));
  const left = step.coalitions.find((c) => c.includes('UKG')) ?? step.coalitions[0] ?? [];
  const right = step.coalitions.filter((c) => c !== left).flat();
  const rowH = 14;
  const rows = Math.max(left.length, right.length);
  const label = (id: string, x: number, i: number) => (
    <text key={id} x={x} y={30 + i * rowH} font-size="11" fill={wrong.has(id) ? '#c62828' : '#263238'} font-weight={wrong.has(id) ? 700 : 400}>
      <title>{wrong.has(id) ? `${id}: placed against the paper (${reference.id})` : `${id}: placed as in the paper`}</title>
      {id}
      {wrong.has(id) ? ' ✗' : ''}
    </text>
  );
  return (
    <figure style={{ margin: 0, border: '1px solid #cfd8dc', borderRadius: '4px', padding: '4px' }} data-testid="drift-panel">
      <svg viewBox={`0 0 120 ${40 + rows * rowH}`} width="120" role="img" aria-label={`${step.at}: ${left.join(' ')} against ${right.join(' ')}; ${step.score.placed} of ${step.score.of} as in the paper`}>
        <text x="0" y="12" font-size="11" font-weight="700">
          {step.at.slice(0, 7)}
        </text>
        <text x="120" y="12" font-size="11" text-anchor="end">
          {step.score.placed}/{step.score.of}
        </text>
        <line x1="60" x2="60" y1="18" y2={24 + rows * rowH} stroke="#90a4ae" />
        {left.map((id, i) => label(id, 4, i))}
        {right.map((id, i) => label(id, 66, i))}
      </svg>
      <figcaption style={{ fontSize: '10px', color: '#546e7a' }}>
        E {step.energy.toFixed(4)}
        {step.watched ? ` · RUS alone +${step.watched.gap.toFixed(3)}${step.watched.localMinimum ? ' (minimum)' : ''}` : ''}
        {step.runnersUp.length ? ` · ${step.runnersUp.length} other minima` : ''}
        {step.absent.length ? ` · gone: ${step.absent.join(' ')}` : ''}
      </figcaption>
    </figure>
  );
}

/** The small multiples for a scenario; shows the server's error when the scenario does not cover 1936–1939. */
export function AlignmentDrift({ scenario }: { scenario: string }) {
  const [variant, setVariant] = useState<(typeof VARIANTS)[number]>('ab1993');
  const [answer, setAnswer] = useState<DriftAnswer | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Fetched when first opened: each run is a few exact searches on the server, not free.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(undefined);
    fetch(`/api/scenarios/${encodeURIComponent(scenario)}/align?from=1936-01-01&to=1939-09-01&step=3m&variant=${variant}`)
      .then(async (r) => {
        const body = (await r.json()) as DriftAnswer & { error?: string };
        if (!r.ok) throw new Error(body.error ?? `HTTP ${r.status}`);
        return body;
      })
      .then((body) => live && setAnswer(body), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [scenario, variant, open]);
  return (
    <details class="alignment-drift" data-testid="alignment-drift" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Alignment drift, 1936–1939 (landscape theory)</summary>
      <p style={{ fontSize: '12px' }}>
        Each panel is the configuration of least frustration on that day (Axelrod &amp; Bennett 1993): Britain's side on the left. A state in red with ✗ is placed against the
        paper's actual alignment of the war. Propensity variant{' '}
        <select value={variant} onChange={(e) => setVariant(e.currentTarget.value as (typeof VARIANTS)[number])} aria-label="Propensity variant">
          {VARIANTS.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </p>
      {error ? <p class="error">{error}</p> : null}
      {answer ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '6px' }}>
          {answer.steps.map((s) => (
            <Panel key={s.at} step={s} reference={answer.reference} />
          ))}
        </div>
      ) : error ? null : (
        <p>Computing…</p>
      )}
    </details>
  );
}
