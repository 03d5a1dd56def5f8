/**
 * Is the reference alignment itself a local minimum of the landscape? For each state, the change
 * of energy if it alone switched sides in the reference alignment; a state with a negative change
 * would leave its reference side, and the terms that make it leave are named, with how many of
 * them would have to be zero for it to stay. This says which records stand between the model and
 * the reference, without changing any weight. Pure.
 */
import type { Alignment } from './align.js';
import type { ReferenceAlignment } from './score.js';

/** One pair-term's share of a state's switching gain: negative pushes it off its reference side. */
export interface Contribution {
  other: string;
  term: string;
  value: number;
}

export interface Mover {
  state: string;
  /** Energy change if the state alone switched sides in the reference alignment (negative: it would). */
  delta: number;
  /** The contributions pushing it off, most negative first. */
  pushes: Contribution[];
  /** How many of those pushes would have to be zero for the state to stay (the fewest, largest first). */
  needed: number;
}

export interface Stability {
  reference: string;
  /** Energy of the reference alignment and of the best configuration found. */
  energy: number;
  best: number;
  /** States that would leave their reference side, the largest gain first. */
  movers: Mover[];
}

/** Checks the reference alignment among the states `a` aligns. Pure. */
export function referenceStability(a: Alignment, ref: ReferenceAlignment): Stability {
  const sideOf = new Map<string, number>();
  ref.sides.forEach((side, k) => side.forEach((id) => sideOf.set(id, k)));
  const ids = a.states.filter((id) => sideOf.has(id));
  const parts = new Map(a.pairs.flatMap((p) => [[`${p.a}|${p.b}`, p.parts], [`${p.b}|${p.a}`, p.parts]] as const));
  const size = (id: string) => a.sizes[id] ?? 0;
  let energy = 0;
  const movers: Mover[] = [];
  for (const [i, state] of ids.entries()) {
    const contributions: Contribution[] = [];
    for (const [j, other] of ids.entries()) {
      if (other === state) continue;
      const same = sideOf.get(other) === sideOf.get(state);
      for (const [term, v] of Object.entries(parts.get(`${state}|${other}`) ?? {})) {
        if (v === 0) continue;
        const w = size(state) * size(other) * v;
        // Switching puts a same-side pair across (adds w) and an across pair together (removes w).
        contributions.push({ other, term, value: same ? w : -w });
        if (!same && j > i) energy += w;
      }
    }
    const delta = contributions.reduce((s, c) => s + c.value, 0);
    if (delta >= 0) continue;
    const pushes = contributions.filter((c) => c.value < 0).sort((x, y) => x.value - y.value);
    let rest = delta;
    let needed = 0;
    while (rest < 0 && needed < pushes.length) rest -= pushes[needed++]!.value;
    movers.push({ state, delta, pushes, needed });
  }
  return { reference: ref.id, energy, best: a.energy, movers: movers.sort((x, y) => x.delta - y.delta) };
}

/** The check for a person. Pure. */
export function describeStability(s: Stability): string[] {
  const head = `Reference alignment: energy ${s.energy.toFixed(5)} (best found ${s.best.toFixed(5)}); ${s.movers.length ? `${s.movers.map((m) => m.state).join(', ')} would leave it` : 'a local minimum: no state would leave it'}`;
  const lines = [head];
  for (const m of s.movers) {
    const shown = m.pushes.slice(0, Math.max(3, m.needed)).map((c) => `${c.other} ${c.term} ${(c.value * 1e4).toFixed(2)}`).join(', ');
    lines.push(`  ${m.state}: switching gains ${(m.delta * 1e4).toFixed(2)} ×10⁻⁴; it would stay if the ${m.needed === 1 ? 'largest push were' : `${m.needed} largest pushes were`} zero: ${shown}`);
  }
  return lines;
}
