/**
 * Location coding for the reliability audit: where wars were fought and where location-limited
 * alliances apply (audits/locations.yaml). Reading checks every reference and reports problems
 * with file, line and column; judging is pure.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocumentAs } from '../model/parse.js';
import { DaySchema, SourcesSchema } from '../model/schema.js';

export const REGIONS = ['w-hemisphere', 'europe', 'africa', 'middle-east', 'asia', 'oceania'] as const;
export type Region = (typeof REGIONS)[number];

/** COW WhereFought codes (Inter-State War Data v4.0 codebook) as sets of regions. */
export const WHERE_FOUGHT: Record<number, Region[]> = {
  1: ['w-hemisphere'],
  2: ['europe'],
  4: ['africa'],
  6: ['middle-east'],
  7: ['asia'],
  9: ['oceania'],
  11: ['europe', 'middle-east'],
  12: ['europe', 'asia'],
  13: ['w-hemisphere', 'asia'],
  14: ['europe', 'africa', 'middle-east'],
  15: ['europe', 'africa', 'middle-east', 'asia'],
  16: ['africa', 'middle-east', 'asia', 'oceania'],
  17: ['asia', 'oceania'],
  18: ['africa', 'middle-east'],
  19: ['europe', 'africa', 'middle-east', 'asia', 'oceania'],
};

const AreaId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'an area id is lower-case words joined by "-"');

/** An ATOP condition variable other than location and adversary (which the scopes and adversaries code). */
const TermCondition = z.string().regex(/^(def|off|neu|con)co(con|num|dem|npr|att|req)$/, 'an ATOP condition variable such as offconum or defcodem');

const LocationsSchema = z
  .strictObject({
    areas: z.array(z.strictObject({ id: AreaId, region: z.enum(REGIONS), note: z.string().optional() })).default([]),
    theatres: z.array(z.strictObject({ war: z.number().int().positive(), from: DaySchema.optional(), areas: z.array(AreaId).min(1), note: z.string().optional(), source: SourcesSchema })).default([]),
    scopes: z.array(z.strictObject({ atop: z.number().int().positive(), phase: z.number().int().min(0).optional(), areas: z.array(AreaId).min(1), note: z.string().optional(), source: SourcesSchema })).default([]),
    /** Against whom an alliance limited to specific adversaries (ATOP defcoadv, offcoadv, neucoadv) applies: COW country codes. */
    adversaries: z.array(z.strictObject({ atop: z.number().int().positive(), phase: z.number().int().min(0).optional(), states: z.array(z.number().int().positive()).min(1), note: z.string().optional(), source: SourcesSchema })).default([]),
    /** Whether one war met an ATOP condition casus cannot express (…conum, …codem, …cocon, …): judged from the record, war by war. */
    terms: z
      .array(z.strictObject({ atop: z.number().int().positive(), phase: z.number().int().min(0).optional(), war: z.number().int().positive(), condition: TermCondition, met: z.boolean(), note: z.string().optional(), source: SourcesSchema }))
      .default([]),
  })
  .superRefine((doc, ctx) => {
    const known = new Set<string>([...REGIONS]);
    doc.areas.forEach((a, i) => {
      if (known.has(a.id)) ctx.addIssue({ code: 'custom', path: ['areas', i, 'id'], message: `area "${a.id}" is defined twice or is a region` });
      known.add(a.id);
    });
    const check = (list: 'theatres' | 'scopes') =>
      doc[list].forEach((item, i) => item.areas.forEach((id, j) => {
        if (!known.has(id)) ctx.addIssue({ code: 'custom', path: [list, i, 'areas', j], message: `unknown area "${id}"` });
      }));
    check('theatres');
    check('scopes');
    const named = new Set<string>();
    doc.adversaries.forEach((a, i) => {
      const key = `${a.atop}|${a.phase ?? ''}`;
      if (named.has(key)) ctx.addIssue({ code: 'custom', path: ['adversaries', i, 'atop'], message: `ATOP ${a.atop} has a second adversaries entry` });
      named.add(key);
    });
    const terms = new Set<string>();
    doc.terms.forEach((t, i) => {
      const key = `${t.atop}|${t.phase ?? ''}|${t.war}|${t.condition}`;
      if (terms.has(key)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'condition'], message: `ATOP ${t.atop} has a second ${t.condition} entry for war ${t.war}` });
      terms.add(key);
    });
    const wars = new Set<string>();
    doc.theatres.forEach((t, i) => {
      const key = `${t.war}|${t.from ?? ''}`;
      if (wars.has(key)) ctx.addIssue({ code: 'custom', path: ['theatres', i, 'war'], message: `war ${t.war} has a second theatre entry${t.from ? ` from ${t.from}` : ''}` });
      wars.add(key);
    });
  });

export type LocationCoding = z.infer<typeof LocationsSchema>;

/** The coding shipped with casus. */
export const LOCATIONS_FILE = new URL('../../audits/locations.yaml', import.meta.url);

/** Reads and checks a location coding. Throws ScenarioError with file, line and column. */
export function readLocations(path: string | URL = LOCATIONS_FILE, name = 'audits/locations.yaml'): LocationCoding {
  return parseDocumentAs(LocationsSchema, readFileSync(path, 'utf8'), name);
}

/** Parses a location coding from text (tests, other files). Throws ScenarioError. Pure. */
export function parseLocations(text: string, file: string): LocationCoding {
  return parseDocumentAs(LocationsSchema, text, file);
}

export type LocationVerdict = { verdict: 'within' | 'outside'; why: string } | { verdict: 'undecidable'; why: string };

/**
 * Whether a war falls within an alliance's location terms. `atopId` and `phase` name the
 * alliance; `regions` are COW's WhereFought regions of the partner's participation, used when
 * the war has no coded theatre; `date` is the attack's day, for a war whose theatre moved. Pure.
 */
export function judgeLocation(coding: LocationCoding, atopId: number, phase: number | undefined, war: number, regions: readonly Region[], date?: string): LocationVerdict {
  const scope = coding.scopes.find((s) => s.atop === atopId && (s.phase === undefined || s.phase === phase));
  if (!scope) return { verdict: 'undecidable', why: `where ATOP ${atopId} applies is not coded (audits/locations.yaml)` };
  const regionOf = new Map<string, Region>(coding.areas.map((a) => [a.id, a.region]));
  // A war's theatre can move: the latest entry begun by the attack's day (an entry without `from` holds from the war's first day).
  const theatre = coding.theatres.filter((t) => t.war === war && (t.from === undefined || (date !== undefined && t.from <= date))).sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : 1)).pop();
  const theatreAreas = theatre ? theatre.areas : [...regions];
  const theatreRegions = new Set(theatreAreas.map((a) => regionOf.get(a) ?? (a as Region)));
  const within = scope.areas.find((s) => theatreAreas.includes(s) || ((REGIONS as readonly string[]).includes(s) && theatreRegions.has(s as Region)));
  const where = `${theatreAreas.join(', ')}${theatre ? '' : ' (COW region only)'}`;
  if (within) return { verdict: 'within', why: `fought in ${where}, within its terms (${scope.areas.join(', ')})` };
  if (!theatre && scope.areas.some((s) => theatreRegions.has(regionOf.get(s) as Region))) {
    return { verdict: 'undecidable', why: `its terms name ${scope.areas.join(', ')}; the war is known only by region (${where})` };
  }
  return { verdict: 'outside', why: `fought in ${where}, outside its terms (${scope.areas.join(', ')})` };
}

/**
 * Whether a war falls within an alliance's adversary terms: `opponents` are the COW codes of the
 * states its partner fights (the attackers for defence and neutrality, the target for offence). Pure.
 */
export function judgeAdversary(coding: LocationCoding, atopId: number, phase: number | undefined, opponents: readonly number[]): LocationVerdict {
  const entry = coding.adversaries.find((a) => a.atop === atopId && (a.phase === undefined || a.phase === phase));
  if (!entry) return { verdict: 'undecidable', why: `against whom ATOP ${atopId} applies is not coded (audits/locations.yaml)` };
  const named = opponents.filter((c) => entry.states.includes(c));
  return named.length
    ? { verdict: 'within', why: `against ${named.join(', ')}, named in its terms` }
    : { verdict: 'outside', why: `against ${opponents.join(', ')}, not among its adversaries (${entry.states.join(', ')})` };
}

/** Whether a war met an ATOP condition casus cannot express, as coded in `terms`. Pure. */
export function judgeTerm(coding: LocationCoding, atopId: number, phase: number | undefined, war: number, condition: string): LocationVerdict {
  const entry = coding.terms.find((t) => t.atop === atopId && (t.phase === undefined || t.phase === phase) && t.war === war && t.condition === condition);
  if (!entry) return { verdict: 'undecidable', why: `whether war ${war} met ATOP ${atopId}'s ${condition} is not coded (audits/locations.yaml, terms)` };
  return { verdict: entry.met ? 'within' : 'outside', why: `${condition} ${entry.met ? 'met' : 'not met'}${entry.note ? `: ${entry.note}` : ''}` };
}
