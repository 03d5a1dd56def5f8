/** Text for people: an alignment, a run across time, a table of variants. Pure. */
import type { Alignment } from './align.js';
import type { DriftStep } from './drift.js';
import type { Score } from './score.js';

/** The alignment for a person. Pure. */
export function describeAlignment(a: Alignment): string[] {
  const lines = [`Landscape on ${a.at} (${a.variant}): ${a.states.length} states, ${a.k} coalitions (${a.method}, ${a.searched.toLocaleString('en')} ${a.method === 'exact' ? 'configurations' : 'descents'})`];
  a.coalitions.forEach((c, i) => lines.push(`  ${String.fromCharCode(65 + i)}: ${c.join(' ')}`));
  lines.push(`  energy ${a.energy.toFixed(6)}`);
  lines.push(a.runnersUp.length ? `Runner-up minima (${a.runnersUpMethod})` : `No other local minimum (${a.runnersUpMethod} search)`);
  for (const r of a.runnersUp) lines.push(`  ${r.energy.toFixed(6)}  ${r.coalitions.map((c) => c.join(' ')).join('  |  ')}`);
  if (a.gaps.length) lines.push(`Gaps in the data: ${a.gaps.join('; ')}`);
  return lines;
}

/** The run across time as a table: one row a step. Pure. */
export function describeDrift(steps: readonly DriftStep[], scores?: readonly Score[]): string[] {
  const lines = [`Landscape across time (${steps[0]?.alignment.variant ?? ''}): the side of each state at each step; A is the side of the first state listed`];
  const states = [...new Set(steps.flatMap((s) => [...s.alignment.states, ...s.absent]))];
  lines.push(`  ${'day'.padEnd(10)}  ${states.map((s) => s.padEnd(3)).join(' ')}  ${'energy'.padStart(9)}  minima  ${scores ? 'score  ' : ''}RUS alone: gap, local min`);
  for (const [i, s] of steps.entries()) {
    const a = s.alignment;
    const first = a.coalitions.findIndex((c) => c.includes(a.states[0]!));
    const cell = (id: string) => {
      const k = a.coalitions.findIndex((c) => c.includes(id));
      if (k < 0) return '·  ';
      return (k === first ? 'A' : String.fromCharCode(66 + (k < first ? k : k - 1))).padEnd(3);
    };
    const w = s.watched;
    const watched = w ? `${w.gap.toFixed(5)}, ${w.localMinimum ? 'yes' : 'no'}` : '—';
    const score = scores?.[i] ? `${`${scores[i]!.placed}/${scores[i]!.of}`.padEnd(5)}  ` : '';
    lines.push(`  ${a.at}  ${states.map(cell).join(' ')}  ${a.energy.toFixed(5).padStart(9)}  ${String(1 + a.runnersUp.length).padStart(6)}  ${score}${watched}`);
  }
  lines.push('  · = not a state that day; minima = local minima found (best + runners-up); gap = energy above the best');
  for (const s of [steps[0], steps[steps.length - 1]]) {
    const g = s?.watched?.gapByTerm;
    if (g) lines.push(`  RUS alone on ${s!.alignment.at}, gap by term (×10⁻³): ${Object.entries(g).map(([t, v]) => `${t} ${v >= 0 ? '+' : ''}${(v * 1e3).toFixed(1)}`).join(', ')}`);
  }
  const changes: string[] = [];
  for (let i = 1; i < steps.length; i++) {
    const before = steps[i - 1]!.alignment;
    const now = steps[i]!.alignment;
    const together = (a: typeof now, x: string, y: string) => a.coalitions.some((c) => c.includes(x) && c.includes(y));
    const ref = now.states[0]!;
    const moved = now.states.filter((id) => before.states.includes(id) && id !== ref && together(before, id, ref) !== together(now, id, ref));
    if (moved.length) changes.push(`  ${now.at}: ${moved.join(' ')} change side (relative to ${ref})`);
  }
  lines.push(changes.length ? 'Drift' : 'Drift: no state changes side', ...changes);
  return lines;
}

/** One row a variant: its score and the states it places wrong. Pure. */
export function describeVariants(rows: readonly { variant: string; doc: string; score: Score; alignment: Alignment }[]): string[] {
  const lines = ['Variants (each fixed in advance; none chosen by its score)'];
  for (const r of rows) {
    lines.push(`  ${r.variant.padEnd(18)} ${String(r.score.placed).padStart(2)}/${r.score.of}  wrong: ${r.score.misplaced.map((m) => m.state).join(' ') || 'none'}  minima: ${1 + r.alignment.runnersUp.length}`);
    lines.push(`  ${''.padEnd(18)} ${r.doc}`);
  }
  return lines;
}
