/**
 * Citations people can read: every source of the built-in scenario and its case catalogue is
 * cited by title, author or issuing body, date and article, a seed by its title with the quote,
 * and never by a file name or hash — in the CLI, the API and the explorer alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../src/law/catalogue.js';
import { citationOf, citationsOf, withCitations } from '../../src/model/citation.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import type { Source } from '../../src/model/schema.js';

const scenario = loadBuiltInScenario();
const CASES = fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url));
const cases = parseCatalogue(readFileSync(CASES, 'utf8'), 'cases.yaml');

/** Every source object anywhere in a value. */
function sourcesIn(value: unknown, out: Source[] = []): Source[] {
  if (Array.isArray(value)) for (const v of value) sourcesIn(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // A holder's `source` in the readings register is a plain string, not a source object.
      if (key === 'source' && typeof v === 'object') out.push(...(Array.isArray(v) ? v : [v]));
      else sourcesIn(v, out);
    }
  }
  return out;
}

const FILE_OR_HASH = /\.txt\b|\b[0-9a-f]{12,}\b/;

describe('citations', () => {
  it('cites a seed by title, kind and author with the quote, never by its file', () => {
    const text = citationOf({ seed: '001_9f73842a76e4b4ea.txt', quote: 'reoccupied the Rhine land' }, scenario.seeds);
    expect(text).toBe('“Collective Security”, lecture notes, Gerhard Rempel, Western New England College: “reoccupied the Rhine land”');
    expect(citationOf({ seed: 'unknown_0123456789abcdef.txt', quote: 'a quote' }, scenario.seeds)).toBe('an unnamed seed text: “a quote”');
    expect(citationOf({ ref: 'Covenant of the League of Nations, Art. 16', note: 'sanctions' }, [])).toBe('Covenant of the League of Nations, Art. 16 (sanctions)');
  });

  it('every seed the scenario or the catalogue quotes is in the seeds registry', () => {
    const files = new Set(scenario.seeds.map((s) => s.file));
    const quoted = [...sourcesIn(scenario), ...sourcesIn(cases)].flatMap((s) => ('seed' in s ? [s.seed] : []));
    expect(quoted.length).toBeGreaterThan(50);
    expect([...new Set(quoted)].filter((f) => !files.has(f))).toEqual([]);
  });

  it('no citation of the scenario, the catalogue or the readings shows a file name or a hash', () => {
    const all = [...sourcesIn(scenario.treaties), ...sourcesIn(scenario.events), ...sourcesIn(scenario.actors), ...sourcesIn(scenario.readings), ...sourcesIn(cases)];
    const bad = all.map((s) => citationOf(s, scenario.seeds)).filter((c) => FILE_OR_HASH.test(c));
    expect(bad).toEqual([]);
  });

  it('adds a `citation` line next to every source of a document, leaving the source as it was', () => {
    const treaty = scenario.treaties.find((t) => t.id === 'soviet-czechoslovak-1935')!;
    const cited = withCitations(treaty, scenario.seeds) as typeof treaty & { citation: string; provisions: { citation?: string }[] };
    expect(cited.source).toEqual(treaty.source);
    expect(cited.citation).toBe(citationsOf(treaty.source, scenario.seeds).join('; '));
    expect(cited.citation).toMatch(/“Collective Security”, lecture notes/);
    expect(cited.citation).not.toMatch(FILE_OR_HASH);
    expect((cited.provisions as { source?: unknown; citation?: string }[]).find((p) => p.source)?.citation).toMatch(/ATOP 4\.01/);
  });
});
