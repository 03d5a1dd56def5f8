/** Simulation results as plots (plain SVG): deterrence with its interval, each state's chance of fighting, the likeliest coalitions. */
import type { SimResult } from './api.js';

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;

/** A horizontal bar per row, 0–100%. */
function Bars({ rows, colour, testid }: { rows: { label: string; p: number; ci?: [number, number] | undefined; title?: string }[]; colour: string; testid?: string }) {
  const rowHeight = 20;
  const labelWidth = 190;
  const width = 460;
  const scale = (p: number) => labelWidth + (width - labelWidth - 50) * p;
  return (
    <svg viewBox={`0 0 ${width} ${rows.length * rowHeight + 18}`} class="bars" data-testid={testid} role="img" aria-label={rows.map((r) => `${r.label}: ${pct(r.p)}`).join('; ')}>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={scale(t)} x2={scale(t)} y1={0} y2={rows.length * rowHeight} class="gridline" />
          <text x={scale(t)} y={rows.length * rowHeight + 13} class="axis">
            {t * 100}%
          </text>
        </g>
      ))}
      {rows.map((r, i) => (
        <g key={r.label} transform={`translate(0, ${i * rowHeight})`}>
          <title>{r.title ?? `${r.label}: ${pct(r.p)}`}</title>
          <text x={labelWidth - 6} y={14} class="label">
            {r.label}
          </text>
          <rect x={labelWidth} y={4} width={Math.max(1, scale(r.p) - labelWidth)} height={12} fill={colour} />
          {r.ci ? <line x1={scale(r.ci[0])} x2={scale(r.ci[1])} y1={10} y2={10} class="ci" /> : null}
          <text x={scale(r.p) + 4} y={14} class="value">
            {pct(r.p)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** All plots of one result. */
export function SimPlots({ result, names = new Map() }: { result: SimResult; names?: ReadonlyMap<string, string> }) {
  const name = (id: string) => names.get(id) ?? id;
  const { deterrence } = result;
  const states = [...result.states].sort((a, b) => b.pFight - a.pFight || a.state.localeCompare(b.state));
  const coalitions = result.coalitions.slice(0, 6);
  return (
    <div class="plots" data-testid="sim-plots">
      <p class="headline" data-testid="deterrence">
        Deterrence: <strong>{pct(deterrence.p)}</strong> <span class="ci-text">(95% interval {pct(deterrence.ci[0])}–{pct(deterrence.ci[1])}, {result.runs.toLocaleString('en')} samples, seed {result.seed})</span>
      </p>
      <Bars rows={[{ label: 'attacker deterred', p: deterrence.p, ci: deterrence.ci }]} colour="#2e7d32" />
      <h4>Chance each state fights</h4>
      <Bars rows={states.map((s) => ({ label: name(s.state), p: s.pFight, title: `${name(s.state)} (${s.state}): fights in ${pct(s.pFight)} of samples${s.pHonour !== undefined ? `, honours in ${pct(s.pHonour)}` : ''}` }))} colour="#1f6fb2" testid="pfight" />
      <h4>Likeliest coalitions against the attacker</h4>
      <Bars rows={coalitions.map((c) => ({ label: c.members.map(name).join(' + ') || '(none)', p: c.p }))} colour="#7e57c2" />
      {Array.isArray(result.pivotal) && (result.pivotal as string[]).length ? <p class="hint">Whose choice decides most: {(result.pivotal as string[]).map(name).join(', ')}</p> : null}
    </div>
  );
}

/** Two results side by side, with the change in deterrence. */
export function Compare({ a, b, labels, names }: { a: SimResult; b: SimResult; labels: [string, string]; names?: ReadonlyMap<string, string> }) {
  const change = b.deterrence.p - a.deterrence.p;
  return (
    <div class="compare" data-testid="compare">
      <p class="headline">
        Deterrence {pct(a.deterrence.p)} → {pct(b.deterrence.p)} ({change >= 0 ? '+' : ''}
        {(100 * change).toFixed(1)} points)
      </p>
      <div class="side-by-side">
        <div>
          <h4>{labels[0]}</h4>
          <SimPlots result={a} names={names} />
        </div>
        <div>
          <h4>{labels[1]}</h4>
          <SimPlots result={b} names={names} />
        </div>
      </div>
    </div>
  );
}
