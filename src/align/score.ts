/**
 * Scoring an alignment against a reference one (Axelrod & Bennett's actual alignment of the
 * Second World War), with the reason each misplaced state sits where it does: the pull of each
 * propensity term toward its reference side, summed over the other states. Pure.
 */
import type { Alignment } from './align.js';

/** A reference alignment: two sides, the first holding the reference state. */
export interface ReferenceAlignment {
  id: string;
  label: string;
  sides: [string[], string[]];
  source: string;
}

/** The alignment Axelrod & Bennett (1993) score their 1936 landscape against. */
export const AB1993: ReferenceAlignment = {
  id: 'ab1993',
  label: 'Axelrod & Bennett (1993), the actual alignment of the Second World War',
  sides: [
    ['UKG', 'CZE', 'DEN', 'FRN', 'GRC', 'POL', 'POR', 'RUS', 'YUG'],
    ['EST', 'FIN', 'GMY', 'HUN', 'ITA', 'LAT', 'LIT', 'RUM'],
  ],
  source: 'Axelrod & Bennett, "A Landscape Theory of Aggregation", British Journal of Political Science 23(2), 1993, pp. 211–233: the alignment their 1936 prediction is scored against',
};

export const REFERENCES: Record<string, ReferenceAlignment> = { ab1993: AB1993 };

/** A misplaced state and what pulled it: per term, the size-weighted pull toward its reference side. */
export interface Misplaced {
  state: string;
  referenceSide: number;
  /** Σ_j s_i s_j · term_ij · (+1 if j is on i's reference side, −1 if not): negative pulls away from it. */
  pullByTerm: Record<string, number>;
  /** The other states that pull hardest away from the reference side, with the pair's terms. */
  strongest: { other: string; pull: number; parts: Record<string, number> }[];
}

export interface Score {
  reference: string;
  placed: number;
  of: number;
  misplaced: Misplaced[];
  /** States of the alignment the reference does not place, and reference states not aligned. */
  unscored: string[];
}

/**
 * Scores `a` against `ref`. The predicted coalitions are matched to the reference sides the way
 * that places most states right (the labels of coalitions mean nothing). Pure.
 */
export function scoreAlignment(a: Alignment, ref: ReferenceAlignment): Score {
  const sideOf = new Map<string, number>();
  ref.sides.forEach((side, k) => side.forEach((id) => sideOf.set(id, k)));
  const scored = a.states.filter((id) => sideOf.has(id));
  const unscored = [...a.states.filter((id) => !sideOf.has(id)), ...[...sideOf.keys()].filter((id) => !a.states.includes(id))];
  const coalitionOf = new Map<string, number>();
  a.coalitions.forEach((c, k) => c.forEach((id) => coalitionOf.set(id, k)));
  // Two matchings of two coalitions to two sides; with more coalitions, each coalition takes its majority side.
  const matchCount = (flip: boolean) => scored.filter((id) => (coalitionOf.get(id)! === 0) !== flip === (sideOf.get(id) === 0)).length;
  const flip = a.coalitions.length === 2 ? matchCount(true) > matchCount(false) : false;
  const predictedSide = (id: string) => {
    if (a.coalitions.length === 2) return (coalitionOf.get(id) === 0) !== flip ? 0 : 1;
    const members = a.coalitions[coalitionOf.get(id)!]!.filter((x) => sideOf.has(x));
    return members.filter((x) => sideOf.get(x) === 0).length >= members.length / 2 ? 0 : 1;
  };
  const wrong = scored.filter((id) => predictedSide(id) !== sideOf.get(id));
  const pairOf = new Map(a.pairs.map((p) => [`${p.a}|${p.b}`, p]));
  const partsOf = (x: string, y: string) => (pairOf.get(`${x}|${y}`) ?? pairOf.get(`${y}|${x}`))?.parts ?? {};
  const misplaced = wrong.map((state) => {
    const pullByTerm: Record<string, number> = {};
    const byOther: Misplaced['strongest'] = [];
    for (const other of scored) {
      if (other === state) continue;
      const sign = sideOf.get(other) === sideOf.get(state) ? 1 : -1;
      const weight = (a.sizes[state] ?? 0) * (a.sizes[other] ?? 0);
      const parts = partsOf(state, other);
      let pull = 0;
      for (const [term, value] of Object.entries(parts)) {
        pullByTerm[term] = (pullByTerm[term] ?? 0) + sign * weight * value;
        pull += sign * weight * value;
      }
      byOther.push({ other, pull, parts });
    }
    const strongest = byOther.filter((o) => o.pull < 0).sort((x, y) => x.pull - y.pull).slice(0, 3);
    return { state, referenceSide: sideOf.get(state)!, pullByTerm, strongest };
  });
  return { reference: ref.id, placed: scored.length - wrong.length, of: scored.length, misplaced, unscored };
}

/** The score for a person: which states are wrong and which terms pulled them. Pure. */
export function describeScore(s: Score, ref: ReferenceAlignment): string[] {
  const lines = [`Score against ${ref.label}: ${s.placed}/${s.of} placed right`];
  for (const m of s.misplaced) {
    const terms = Object.entries(m.pullByTerm)
      .sort((x, y) => x[1] - y[1])
      .map(([t, v]) => `${t} ${v >= 0 ? '+' : ''}${(v * 1e4).toFixed(2)}`)
      .join(', ');
    lines.push(`  ${m.state} misplaced (belongs with ${ref.sides[m.referenceSide]!.join(' ')})`);
    lines.push(`    pull toward its side by term (×10⁻⁴, negative pulls away): ${terms}`);
    for (const o of m.strongest) {
      const parts = Object.entries(o.parts).filter(([, v]) => v !== 0).map(([t, v]) => `${t} ${v > 0 ? '+' : ''}${v}`).join(', ');
      lines.push(`    away: ${o.other} ${(o.pull * 1e4).toFixed(2)} (${parts || 'no term'})`);
    }
  }
  if (s.unscored.length) lines.push(`  not scored: ${s.unscored.join(', ')}`);
  return lines;
}
