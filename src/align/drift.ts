/**
 * The landscape across time: the alignment at each step from one day to another, with its
 * runners-up and the energy of a named configuration to watch (the paper's second minimum, the
 * USSR alone against the rest). States that do not exist on a step's day are left out of it. Pure.
 */
import { addDays, daysInMonth, inInterval, type Day } from '../model/day.js';
import { QueryError } from '../model/errors.js';
import type { Scenario } from '../model/schema.js';
import { alignOn, type Alignment } from './align.js';
import { energyOf, weights } from './landscape.js';
import type { PropensityOptions } from './propensity.js';
import type { SearchOptions } from './landscape.js';

/** A step of the run: a number of days, months or years. */
export interface Step {
  count: number;
  unit: 'd' | 'm' | 'y';
}

/** Parses "3m", "1y", "10d". Throws QueryError naming the option. Pure. */
export function parseStep(text: string): Step {
  const match = /^(\d{1,3})([dmy])$/.exec(text);
  if (!match || Number(match[1]) === 0) throw new QueryError(`--step: "${text}" is not a step such as 3m, 1y or 10d`);
  return { count: Number(match[1]), unit: match[2] as Step['unit'] };
}

/** The day `step` after `day`; a day past the month's end falls back to its last day. Pure. */
export function addStep(day: Day, step: Step): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (step.unit === 'd') return addDays(day, step.count);
  const months = step.unit === 'm' ? step.count : 12 * step.count;
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, '0')}`;
}

/** How a watched configuration stands on a step: its energy, and whether it is a local minimum. */
export interface Watched {
  label: string;
  energy: number;
  localMinimum: boolean;
  /** Energy above the best configuration of the step. */
  gap: number;
  /** The gap split by propensity term: which terms keep the watched configuration up. */
  gapByTerm: Record<string, number>;
}

export interface DriftStep {
  alignment: Alignment;
  /** States asked for but not existing that day. */
  absent: string[];
  watched?: Watched | undefined;
}

/** The USSR alone against all others: Axelrod & Bennett's second configuration of 1936. */
export const USSR_ALONE = { label: 'RUS alone against the rest', alone: 'RUS' } as const;

/**
 * Runs the landscape on `from`, `from + step`, … up to and including `to` (at most 200 steps).
 * Throws QueryError for days outside the scenario or a run that is too long. Pure.
 */
export function alignAcross(scenario: Scenario, from: Day, to: Day, step: Step, states: readonly string[], options: SearchOptions & PropensityOptions = {}): DriftStep[] {
  if (to < from) throw new QueryError(`--to ${to} is before --from ${from}`);
  const steps: DriftStep[] = [];
  for (let day = from; day <= to; day = addStep(day, step)) {
    if (steps.length >= 200) throw new QueryError('the run has more than 200 steps: take a longer --step');
    const existing = states.filter((id) => scenario.actors.find((a) => a.id === id)?.exists.some((s) => inInterval(day, s)));
    const absent = states.filter((id) => !existing.includes(id));
    const alignment = alignOn(scenario, day, existing, options);
    steps.push({ alignment, absent, watched: watchAlone(alignment, USSR_ALONE.alone, USSR_ALONE.label) });
  }
  return steps;
}

/** The energy of `alone` against all the others, and whether no single state's move lowers it. Pure. */
export function watchAlone(a: Alignment, alone: string, label: string): Watched | undefined {
  const i = a.states.indexOf(alone);
  if (i < 0 || a.k !== 2) return undefined;
  const n = a.states.length;
  const sizes = a.states.map((id) => a.sizes[id] ?? 0);
  const index = new Map(a.states.map((id, k) => [id, k]));
  const propensity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const p of a.pairs) {
    const [x, y] = [index.get(p.a)!, index.get(p.b)!];
    propensity[x]![y] = propensity[y]![x] = p.total;
  }
  const w = weights({ ids: a.states, sizes, propensity });
  const assignment: number[] = a.states.map((_, k) => (k === i ? 1 : 0));
  const energy = energyOf(w, n, assignment);
  let localMinimum = true;
  for (let k = 0; k < n && localMinimum; k++) {
    const moved = [...assignment];
    moved[k] = 1 - moved[k]!;
    if (moved.every((c) => c === moved[0])) continue; // everyone on one side is not a move to another configuration of two
    if (energyOf(w, n, moved) < energy - 1e-12) localMinimum = false;
  }
  return { label, energy, localMinimum, gap: energy - a.energy, gapByTerm: gapByTerm(a, alone) };
}

/** Σ s_i s_j · term_ij · (d_ij(alone) − d_ij(best)), term by term. Pure. */
function gapByTerm(a: Alignment, alone: string): Record<string, number> {
  const best = new Set(a.coalitions[0]);
  const out: Record<string, number> = {};
  for (const p of a.pairs) {
    const d = Number(p.a === alone || p.b === alone) - Number(best.has(p.a) !== best.has(p.b));
    if (d === 0) continue;
    for (const [term, v] of Object.entries(p.parts)) out[term] = (out[term] ?? 0) + (a.sizes[p.a] ?? 0) * (a.sizes[p.b] ?? 0) * v * d;
  }
  return out;
}
