/**
 * The goals the bench's figures are held to (issue 13), and how a figure compares with its floor or
 * with a previous run. A ratio of 1 or more means the goal is met, whichever the direction.
 */

/** `atLeast`: higher is better; `atMost`: lower is better. */
export interface Floor {
  goal: 'atLeast' | 'atMost';
  value: number;
}

export const FLOORS: Record<string, Floor> = {
  'resolve.perSecond': { goal: 'atLeast', value: 100_000 },
  'resolve.perSecondExplained': { goal: 'atLeast', value: 20_000 },
  'startup.ratio': { goal: 'atMost', value: 6 },
  'http.resolveP99Ms': { goal: 'atMost', value: 10 },
  'http.resolveToHealth': { goal: 'atLeast', value: 0.3 },
  'deterrence.exactSeconds.d40': { goal: 'atMost', value: 5 },
  'deterrence.peakRssMb.d40': { goal: 'atMost', value: 500 },
  'simulate.samplesPerSecond.threads2': { goal: 'atLeast', value: 1_000_000 },
  'simulate.kernelRatio': { goal: 'atLeast', value: 0.3 },
  'atlas.decadeSeconds': { goal: 'atMost', value: 5 },
  'world.fullHistoryMsPerDay': { goal: 'atMost', value: 1 },
  'import.validateSeconds': { goal: 'atMost', value: 3 },
};

/** How far a figure is from its floor: ≥ 1 when met. Pure. */
export function floorRatio(floor: Floor, value: number): number {
  if (floor.goal === 'atLeast') return value / floor.value;
  return value === 0 ? Infinity : floor.value / value;
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: 3 }) : String(x));

/** Lines for a person: each figure, its floor and the ratio to it, and (with `base`) the change since then. Pure. */
export function describeFigures(figures: Record<string, number>, base?: Record<string, number>): string[] {
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  return Object.entries(figures).map(([key, value]) => {
    const floor = FLOORS[key];
    const goal = floor ? `${floor.goal === 'atLeast' ? '≥' : '≤'} ${fmt(floor.value)}`.padEnd(14) : ''.padEnd(14);
    const ratio = floor ? `×${floorRatio(floor, value).toFixed(2)} ${floorRatio(floor, value) >= 1 ? 'met' : 'MISSED'}`.padEnd(14) : ''.padEnd(14);
    const before = base?.[key];
    const change = before === undefined ? '' : `was ${fmt(before)} (now/was ${before === 0 ? '—' : (value / before).toFixed(2)})`;
    return `  ${key.padEnd(width)}  ${fmt(value).padStart(12)}  ${goal}  ${ratio}${change}`.trimEnd();
  });
}

/** The floors section of the JSON output: per figure with a floor, the floor, the ratio, and whether it is met. Pure. */
export function floorsOf(figures: Record<string, number>): Record<string, { goal: Floor['goal']; floor: number; ratio: number; met: boolean }> {
  const out: Record<string, { goal: Floor['goal']; floor: number; ratio: number; met: boolean }> = {};
  for (const [key, value] of Object.entries(figures)) {
    const floor = FLOORS[key];
    if (!floor) continue;
    const ratio = floorRatio(floor, value);
    out[key] = { goal: floor.goal, floor: floor.value, ratio: Math.round(ratio * 1000) / 1000, met: ratio >= 1 };
  }
  return out;
}
