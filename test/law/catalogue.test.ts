/**
 * The case catalogue (scenarios/interwar/cases.yaml), run case by case against the built-in scenario.
 * A case with a `gap` needs a fact the scenario lacks: it runs as a known failure, so that it turns
 * red (and the gap note can go) once the fact lands. Its seed quotes are checked with every other
 * one in test/model/sources.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseFailures, caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';

const file = fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url));
const cases = parseCatalogue(readFileSync(file, 'utf8'), 'scenarios/interwar/cases.yaml');

describe('case catalogue', () => {
  it('covers the crises the resolver must answer for', () => {
    const titles = new Set(cases.map((c) => c.id[0]));
    expect([...'ABCDEFGH'].filter((letter) => !titles.has(letter))).toEqual([]);
  });
  for (const c of cases) {
    const run = () => {
      const { act, assumptions } = caseQuery(c);
      const resolution = resolve(worldAt(loadBuiltInScenario(), act.date, assumptions.readings), act, assumptions);
      expect(caseFailures(c, resolution)).toEqual([]);
    };
    if (c.gap) it.fails(`${c.id} ${c.title} (gap: ${c.gap})`, run);
    else it(`${c.id} ${c.title}`, run);
  }
});
