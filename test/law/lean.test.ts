/**
 * Lean answers lose nothing: on every case of the catalogue, the lean answer expanded back holds the
 * same obligations, reach, breaches and rulings as the full one, and is much smaller.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { fullResolution, leanResolution, universalTreaties } from '../../src/law/lean.js';
import { resolve } from '../../src/law/resolve.js';
import type { Resolution } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';

const file = fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url));
const cases = parseCatalogue(readFileSync(file, 'utf8'), 'scenarios/interwar/cases.yaml');
const scenario = loadBuiltInScenario();
const universal = universalTreaties(scenario);

/** The resolution with each state's obligations in a canonical order: lean expansion puts universal ones last. */
function canonical(r: Resolution): unknown {
  return JSON.parse(JSON.stringify({ ...r, states: r.states.map((s) => ({ ...s, obligations: s.obligations.map((o) => JSON.stringify(o)).sort() })) }));
}

describe('lean answers', () => {
  it('finds the universal treaties by data: the Covenant (partiesOf) and Kellogg-Briand (scope: universal)', () => {
    expect([...universal.keys()].sort()).toEqual(['covenant', 'kellogg-briand']);
    expect(universal.get('covenant')).toBe('members of the League of Nations');
  });

  for (const c of cases) {
    it(`${c.id}: the lean answer expands to the full one`, () => {
      const { act, assumptions } = caseQuery(c);
      const full = resolve(worldAt(scenario, act.date), act, assumptions);
      const lean = leanResolution(full, universal, { explain: true });
      expect(canonical(fullResolution(lean))).toEqual(canonical(full));
      expect(lean.states.flatMap((s) => s.obligations).some((o) => universal.has(o.treaty))).toBe(false);
      const withoutTree = leanResolution(full, universal);
      expect(withoutTree.explanation).toBeUndefined();
      expect(JSON.stringify(withoutTree).length).toBeLessThan(JSON.stringify(full).length);
    });
  }

  it('summarises Munich\'s Covenant and Kellogg-Briand obligations in a few lines, a fifth of the size', () => {
    const act = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
    const full = resolve(worldAt(scenario, act.date), act);
    const lean = leanResolution(full, universal);
    const sanctions = lean.universal.find((g) => g.kind === 'sanctions')!;
    expect(sanctions.summary).toMatch(/^\d+ members of the League of Nations: sanctions toward CZE against GMY \(covenant Art\. 16\) — not active, waits: league-finding pending$/);
    expect(sanctions.states).toContain('FRN');
    expect(lean.universal.length).toBeLessThan(8);
    expect(JSON.stringify(lean).length * 5).toBeLessThan(JSON.stringify(full).length);
  });
});
