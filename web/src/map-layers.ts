/** What the map draws besides the land: routes of help to the target, and labels that do not overlap. Pure. */
import type { Resolution } from './api.js';

/** Where a label sits around its state's mark. */
export type Side = 'above' | 'below' | 'right' | 'left';
const SIDES: readonly Side[] = ['above', 'below', 'right', 'left'];

/** A state's mark at its capital (x, y, of half-size r) and its label's text in type of `size`. */
export interface LabelItem {
  id: string;
  x: number;
  y: number;
  r: number;
  text: string;
  weight: number;
  size: number;
  /** Shown even over another's mark when no side is free (the attacker and the target of a crisis); never over another name. */
  keep?: boolean;
}

type Box = [number, number, number, number];

/** The box of a label on one side of its mark: [left, top, right, bottom]. Pure. */
export function labelBox(it: LabelItem, side: Side): Box {
  // Bold sans-serif runs about 0.6 em a character (measured on the map's labels); a little more keeps names apart.
  const w = it.text.length * it.size * 0.62;
  const gap = 2;
  // Marks reach 1.2 r (triangles, diamonds); the text's box runs from its top to just under its baseline.
  const reach = it.r * 1.2 + gap;
  if (side === 'above') return [it.x - w / 2, it.y - reach - it.size, it.x + w / 2, it.y - reach + 2];
  if (side === 'below') return [it.x - w / 2, it.y + reach, it.x + w / 2, it.y + reach + it.size + 2];
  const top = it.y - it.size * 0.6;
  return side === 'right' ? [it.x + reach, top, it.x + reach + w, top + it.size + 2] : [it.x - reach - w, top, it.x - reach, top + it.size + 2];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/**
 * Labels that overlap neither each other nor another state's mark, nor run off the visible
 * `bounds` when given, the heaviest first: each takes the first free side (above, below, right,
 * left) or is left out (zoom shows more). Pure.
 */
export function placeLabels(items: readonly LabelItem[], bounds?: Box): Map<string, Side> {
  const inside = (b: Box) => !bounds || (b[0] >= bounds[0] && b[1] >= bounds[1] && b[2] <= bounds[2] && b[3] <= bounds[3]);
  const marks = items.map((it) => ({ id: it.id, box: [it.x - it.r * 1.2, it.y - it.r * 1.2, it.x + it.r * 1.2, it.y + it.r * 1.2] as Box }));
  const placed: Box[] = [];
  const shown = new Map<string, Side>();
  for (const it of [...items].sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))) {
    const free = (s: Side, overMarks: boolean) => {
      const box = labelBox(it, s);
      return inside(box) && !placed.some((p) => overlaps(box, p)) && (overMarks || !marks.some((m) => m.id !== it.id && overlaps(box, m.box)));
    };
    const side = SIDES.find((s) => free(s, false)) ?? (it.keep ? SIDES.find((s) => free(s, true)) : undefined);
    if (!side) continue;
    placed.push(labelBox(it, side));
    shown.set(it.id, side);
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
