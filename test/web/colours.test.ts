/**
 * Roles are told apart by shape as well as colour, and the colours stay apart for colour-blind
 * readers: each pair of role colours, passed through Machado, Oliveira & Fernandes (2009)
 * simulations of deuteranopia and protanopia (severity 1), differs by at least MIN_DELTA_E.
 */
import { describe, expect, it } from 'vitest';
import { ROLE_COLOURS, ROLE_LABELS, ROLE_SHAPES } from '../../web/src/format.js';

/** CIE76 ΔE this suite asks of every pair: a chosen threshold, well above the ~2.3 of a just-noticeable difference, so that two marks read as different colours at a glance. */
const MIN_DELTA_E = 15;

const MATRICES = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgbOf = (hex: string) => [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number];
const seen = (m: number[][], v: number[]) => m.map((r) => Math.min(1, Math.max(0, r[0]! * v[0]! + r[1]! * v[1]! + r[2]! * v[2]!)));
function lab([r, g, b]: number[]): [number, number, number] {
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047);
  const y = f(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
  const z = f((0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('role colours and shapes', () => {
  const roles = Object.keys(ROLE_LABELS);

  it('gives every role a colour, a shape and a label, and no two roles the same shape', () => {
    for (const r of roles) {
      expect(ROLE_COLOURS[r]).toMatch(/^#[0-9A-Fa-f]{6}$/);
      expect(ROLE_SHAPES[r]).toBeDefined();
    }
    expect(new Set(roles.map((r) => ROLE_SHAPES[r])).size).toBe(roles.length);
  });

  for (const [vision, matrix] of Object.entries(MATRICES)) {
    it(`keeps every pair of role colours at least ΔE ${MIN_DELTA_E} apart under ${vision}`, () => {
      const close: string[] = [];
      for (let i = 0; i < roles.length; i++)
        for (let j = i + 1; j < roles.length; j++) {
          const d = deltaE(lab(seen(matrix, rgbOf(ROLE_COLOURS[roles[i]!]!))), lab(seen(matrix, rgbOf(ROLE_COLOURS[roles[j]!]!))));
          if (d < MIN_DELTA_E) close.push(`${roles[i]} / ${roles[j]}: ΔE ${d.toFixed(1)}`);
        }
      expect(close).toEqual([]);
    });
  }
});
