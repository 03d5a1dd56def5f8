/**
 * Sources as people cite them. A seed text is named by its title, kind and author from the
 * scenario's `seeds:` registry, with the quote; a reference is given as written; a modeller's
 * parameter says it is one. A seed's file name never appears: an unregistered seed is "an
 * unnamed seed text". Pure; imports only types, so the web explorer shares it.
 */
import type { Seed, Source, Sources } from './schema.js';

/** One source in words, e.g. `"Collective Security", lecture notes, Gerhard Rempel: “… quote …”`. Pure. */
export function citationOf(source: Source, seeds: readonly Seed[]): string {
  if ('seed' in source) {
    const seed = seeds.find((s) => s.file === source.seed);
    const work = seed ? `“${seed.title}”, ${seed.kind}, ${seed.author}` : 'an unnamed seed text';
    return `${work}: “${source.quote}”${source.note ? ` (${source.note})` : ''}`;
  }
  if ('ref' in source) return `${source.ref}${source.note ? ` (${source.note})` : ''}`;
  return `modelling choice: ${source.parameter}`;
}

/** Every source of a fact in words, in order. Pure. */
export function citationsOf(sources: Sources | undefined, seeds: readonly Seed[]): string[] {
  if (sources === undefined) return [];
  return (Array.isArray(sources) ? sources : [sources]).map((s) => citationOf(s, seeds));
}

/** All sources of a fact as one line, separated by semicolons. Pure. */
export function citationLine(sources: Sources | undefined, seeds: readonly Seed[]): string {
  return citationsOf(sources, seeds).join('; ');
}

/** True for a value shaped like a source or a list of them. */
function isSources(value: unknown): value is Sources {
  const one = (v: unknown) => v !== null && typeof v === 'object' && ('seed' in v || 'ref' in v || 'parameter' in v);
  return Array.isArray(value) ? value.length > 0 && value.every(one) : one(value);
}

/**
 * A copy of a JSON value in which every object carrying a `source` also carries `citation`, the
 * same sources in words (for the API, so that no client shows a file name). Pure.
 */
export function withCitations<T>(value: T, seeds: readonly Seed[]): T {
  if (Array.isArray(value)) return value.map((v) => withCitations(v, seeds)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'source' && isSources(v) ? v : withCitations(v, seeds);
  const source = (value as { source?: unknown }).source;
  if (isSources(source)) out.citation = citationLine(source, seeds);
  return out as T;
}
