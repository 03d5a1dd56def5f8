/**
 * The case catalogue (scenarios/interwar/cases.yaml), run case by case against the built-in scenario.
 * A case with a `gap` needs a fact the scenario lacks: it runs as a known failure, so that it turns
 * red (and the gap note can go) once the fact lands.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseFailures, caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';

const file = fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url));
const cases = parseCatalogue(readFileSync(file, 'utf8'), 'scenarios/interwar/cases.yaml');
const SEEDS_DIR = process.env.CASUS_SEEDS_DIR ? resolvePath(process.env.CASUS_SEEDS_DIR) : fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/** As in test/model/sources.test.ts: typographic quotes, words hyphenated across lines and whitespace do not count. */
const normalise = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/''/g, '"')
    .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

describe('case catalogue', () => {
  it('covers the crises the resolver must answer for', () => {
    const titles = new Set(cases.map((c) => c.id[0]));
    expect([...titles].sort().join('')).toBe('ABCDEFGH');
  });
  it.skipIf(!existsSync(SEEDS_DIR))('quotes the seed texts verbatim', () => {
    const wrong: string[] = [];
    for (const c of cases) {
      for (const src of Array.isArray(c.source) ? c.source : [c.source]) {
        if (!('seed' in src)) continue;
        const path = resolvePath(SEEDS_DIR, src.seed);
        if (!existsSync(path) || !normalise(readFileSync(path, 'utf8')).includes(normalise(src.quote))) wrong.push(`${c.id}: ${src.seed}: "${src.quote}"`);
      }
    }
    expect(wrong).toEqual([]);
  });
  for (const c of cases) {
    const run = () => {
      const { act, assumptions } = caseQuery(c);
      const resolution = resolve(worldAt(loadBuiltInScenario(), act.date), act, assumptions);
      expect(caseFailures(c, resolution)).toEqual([]);
    };
    if (c.gap) it.fails(`${c.id} ${c.title} (gap: ${c.gap})`, run);
    else it(`${c.id} ${c.title}`, run);
  }
});
