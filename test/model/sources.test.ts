/**
 * Every fact of the built-in scenario has a source, and every seed quote in it is real: the
 * named seed file exists and the quote occurs in it verbatim, up to whitespace, line breaks,
 * typographic quotes and words hyphenated across a line break.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILT_IN_SCENARIO, loadBuiltInScenario } from '../../src/model/load.js';
import type { Source, Sources } from '../../src/model/schema.js';

const SEEDS_DIR = process.env.CASUS_SEEDS_DIR
  ? resolve(process.env.CASUS_SEEDS_DIR)
  : fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));

/**
 * The form in which a quote and a seed text are compared. Applied the same way to both sides:
 * typographic quotes become straight ones (the seeds write ’ and also '' for "), a word broken
 * with a hyphen at the end of a line is joined, and every run of whitespace is one space.
 * Nothing else changes: letters, digits, case, hyphens inside a line and all other punctuation
 * must match exactly.
 */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/''/g, '"')
    .replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Located<T> {
  where: string;
  value: T;
}

/** A readable label for an item of a list: its index and, when it has one, its id. */
function labelOf(item: unknown, index: number): string {
  if (item === null || typeof item !== 'object') return `[${index}]`;
  const record = item as Record<string, unknown>;
  const between = Array.isArray(record.between) ? record.between.join('|') : undefined;
  const name = [record.id, record.member, record.state, record.controller, between].find((v) => typeof v === 'string');
  return name === undefined ? `[${index}]` : `[${index} ${name as string}]`;
}

/** Every `{ seed, quote }` source anywhere inside `value`, with the path where it sits. */
function seedQuotesIn(value: unknown, where: string, found: Located<{ seed: string; quote: string }>[] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => seedQuotesIn(item, `${where}${labelOf(item, i)}`, found));
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.seed === 'string' && typeof record.quote === 'string') {
      found.push({ where, value: { seed: record.seed, quote: record.quote } });
    }
    for (const [key, child] of Object.entries(record)) seedQuotesIn(child, `${where}.${key}`, found);
  }
  return found;
}

function sourcesOf(sources: Sources | undefined): Source[] {
  if (sources === undefined) return [];
  return Array.isArray(sources) ? sources : [sources];
}

/** Every fact of the scenario that must carry a source, with the path where it sits. */
function facts(): Located<{ source?: Sources | undefined }>[] {
  const s = loadBuiltInScenario();
  const out: Located<{ source?: Sources | undefined }>[] = [];
  const add = (where: string, items: readonly { source?: Sources | undefined }[]) =>
    items.forEach((item, i) => out.push({ where: `${where}${labelOf(item, i)}`, value: item }));
  add('actors', s.actors);
  s.actors.forEach((a, i) => {
    for (const list of ['exists', 'regimes', 'leaders', 'lines', 'dependencies'] as const) add(`actors${labelOf(a, i)}.${list}`, a[list]);
  });
  add('territories', s.territories);
  s.territories.forEach((t, i) => add(`territories${labelOf(t, i)}.control`, t.control));
  add('adjacency', s.adjacency);
  add('seas', s.seas);
  add('organizations', s.organizations);
  s.organizations.forEach((o, i) => {
    add(`organizations${labelOf(o, i)}.memberships`, o.memberships);
    add(`organizations${labelOf(o, i)}.lines`, o.lines);
    if (o.withdrawal) add(`organizations${labelOf(o, i)}.withdrawal`, [o.withdrawal]);
  });
  add('treaties', s.treaties);
  add('transit', s.transit);
  add('events', s.events);
  add('capabilities', s.capabilities);
  add('effectiveness', s.effectiveness);
  return out;
}

describe('normalise', () => {
  it('joins a word hyphenated across a line break, and nothing else', () => {
    expect(normalise('the League’s inef-\nfectual sanctions')).toBe("the League's ineffectual sanctions");
    expect(normalise('a full-scale war')).toBe('a full-scale war');
    expect(normalise('a full-scale war')).not.toBe(normalise('a fullscale war'));
    expect(normalise('other – a double')).toBe('other – a double');
  });

  it('treats typographic and doubled quotes as straight ones, and whitespace as one space', () => {
    expect(normalise("Hitler's ''breach of faith''")).toBe('Hitler\'s "breach of faith"');
    expect(normalise('“collective security”')).toBe('"collective security"');
    expect(normalise('  Munich\n\n  Conference ')).toBe('Munich Conference');
  });

  it('keeps letters, digits and case: a changed number or word does not match', () => {
    const seed = normalise('The Japanese suffered a severe defeat\nand left behind 18,000 dead.');
    expect(seed.includes(normalise('left behind 18,000 dead'))).toBe(true);
    expect(seed.includes(normalise('left behind 19,000 dead'))).toBe(false);
    expect(seed.includes(normalise('Left behind 18,000 dead'))).toBe(false);
    expect(seed.includes(normalise('left behind 18000 dead'))).toBe(false);
  });

  it('is idempotent, so normalising a quote twice changes nothing', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', '-', ' ', '\n', '\t', "'", '’', '“', '"', '.', '1') });
    fc.assert(fc.property(text, (t) => normalise(normalise(t)) === normalise(t)));
  });
});

describe.skipIf(!existsSync(SEEDS_DIR))('seed quotes in the built-in scenario', () => {
  const quotes = seedQuotesIn(loadBuiltInScenario(), 'interwar');
  const seedText = new Map<string, string | undefined>();
  const textOf = (seed: string) => {
    if (!seedText.has(seed)) {
      const path = resolve(SEEDS_DIR, seed);
      const safe = /^[\w.-]+\.txt$/.test(seed) && existsSync(path);
      seedText.set(seed, safe ? normalise(readFileSync(path, 'utf8')) : undefined);
    }
    return seedText.get(seed);
  };

  it('has seed quotes to check, and cites each seed text', () => {
    expect(quotes.length).toBeGreaterThan(50);
    const cited = new Set(quotes.map((q) => q.value.seed));
    expect([...cited].sort()).toEqual(expect.arrayContaining(['000_075835ea2ae3c2b7.txt', '001_9f73842a76e4b4ea.txt']));
  });

  it('names only seed files that exist', () => {
    const missing = quotes.filter((q) => textOf(q.value.seed) === undefined).map((q) => `${q.where}: no seed file "${q.value.seed}"`);
    expect(missing).toEqual([]);
  });

  const misquotes = (found: Located<{ seed: string; quote: string }>[]) =>
    found
      .filter((q) => {
        const text = textOf(q.value.seed);
        return text === undefined || !text.includes(normalise(q.value.quote));
      })
      .map((q) => `${q.where}: not in ${q.value.seed}: "${q.value.quote}"`);

  it('quotes every seed verbatim', () => {
    expect(misquotes(quotes)).toEqual([]);
  });

  it('quotes every seed verbatim in the other files of the scenario folder too (the case catalogue)', () => {
    const folder = resolve(BUILT_IN_SCENARIO, '..');
    const found = readdirSync(folder)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .flatMap((name) => seedQuotesIn(parse(readFileSync(resolve(folder, name), 'utf8')), name));
    expect(found.length).toBeGreaterThanOrEqual(quotes.length);
    expect(misquotes(found)).toEqual([]);
  });
});

describe('sources on every fact of the built-in scenario', () => {
  it('gives every actor, territory, control spell, organization, membership, treaty, event and capability a source', () => {
    const all = facts();
    expect(all.length).toBeGreaterThan(100);
    const unsourced = all.filter((f) => sourcesOf(f.value.source).length === 0).map((f) => f.where);
    expect(unsourced).toEqual([]);
  });

  it('quotes the seed in every fact that records a disagreement with it, so the seed side can be checked', () => {
    const disputed: Located<Record<string, unknown>>[] = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${where}${labelOf(item, i)}`));
      else if (value !== null && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (record.disagreement !== undefined) disputed.push({ where, value: record });
        for (const [key, child] of Object.entries(record)) walk(child, `${where}.${key}`);
      }
    };
    walk(loadBuiltInScenario(), 'interwar');
    expect(disputed.length).toBeGreaterThan(3);
    const unquoted = disputed
      .filter(({ value }) => {
        const sources = sourcesOf(value.source as Sources | undefined);
        return !sources.some((x) => 'seed' in x);
      })
      .map((d) => d.where);
    expect(unquoted).toEqual([]);
  });

  it('never leaves a reference or a quote empty', () => {
    const empty = facts()
      .flatMap((f) => sourcesOf(f.value.source).map((source) => ({ where: f.where, source })))
      .filter(({ source }) => ('ref' in source ? source.ref : 'quote' in source ? source.quote : source.parameter).trim().length < 3)
      .map(({ where }) => where);
    expect(empty).toEqual([]);
  });
});
