/** What the map draws besides the land: routes of help to the target, and labels that do not overlap. Pure. */
import type { Resolution } from './api.js';

/** Labels that do not overlap, the largest states first (and every state in the crisis). Pure. */
export function placeLabels(items: { id: string; x: number; y: number; text: string; weight: number; size: number }[]): Set<string> {
  const placed: [number, number, number, number][] = [];
  const shown = new Set<string>();
  for (const it of [...items].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))) {
    const w = it.text.length * it.size * 0.55;
    const box: [number, number, number, number] = [it.x - w / 2, it.y - it.size, it.x + w / 2, it.y + 2];
    if (placed.some((p) => box[0] < p[2] && box[2] > p[0] && box[1] < p[3] && box[3] > p[1])) continue;
    placed.push(box);
    shown.add(it.id);
  }
  return shown;
}

export interface Route {
  state: string;
  mode: string;
  /** Must act; a route drawn for a state bound only on a condition not met is faint. */
  bound: boolean;
  path: string[];
  refusedBy: string[];
  reason: string;
}

/** The route each state with an assist obligation would take to the target: itself, its transit states, the target. */
export function routesOf(resolution: Resolution): Route[] {
  const target = resolution.act.target;
  // A treaty that names another adversary or place can never bind in this crisis: no route for it.
  const couldBind = (o: Resolution['states'][number]['obligations'][number]) =>
    o.kind === 'assist' && !o.conditions.some((c) => c.status === 'unmet' && (c.type === 'adversary' || c.type === 'location'));
  return resolution.states
    .filter((s) => s.reach && s.state !== target && (s.mustAct || s.obligations.some(couldBind)))
    .map((s) => {
      const via = s.reach!.via.length ? s.reach!.via : (s.reach!.refusedBy ?? []).slice(0, 1);
      return { state: s.state, mode: s.reach!.mode, bound: s.mustAct, path: [s.state, ...via, target], refusedBy: s.reach!.refusedBy ?? [], reason: s.reach!.reason };
    });
}
