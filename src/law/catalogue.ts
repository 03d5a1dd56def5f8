/**
 * The case catalogue: historical acts with the ruling each should get, numbered in the manner of
 * Diplomacy's DATC (section letter per crisis, number per case) and kept as data
 * (scenarios/interwar/cases.yaml). `parseCatalogue` reads it; `caseFailures` compares a resolution
 * with a case's expectations. Both pure.
 */
import { z } from 'zod';
import { ScenarioError } from '../model/errors.js';
import { parseDocumentAs } from '../model/parse.js';
import { ActFieldsSchema, AssumptionFieldsSchema, TransitTextSchema } from '../model/request.js';
import { DaySchema, IdSchema, SourcesSchema } from '../model/schema.js';
import type { Act, Assumptions, ObligationKind, Resolution } from './types.js';

const OBLIGATION_KINDS = ['assist', 'assist-attacker', 'neutrality', 'nonaggression', 'consult', 'sanctions'] as const satisfies readonly ObligationKind[];

const ExpectedObligationSchema = z.strictObject({
  state: IdSchema,
  kind: z.enum(OBLIGATION_KINDS),
  toward: IdSchema.optional(),
  treaty: IdSchema,
  provision: IdSchema.optional(),
  active: z.boolean().optional().describe('Whether it is active once the chains are settled.'),
  /** A condition that must hold this status, e.g. { type: prior-action, status: unmet }. */
  condition: z.strictObject({ type: z.string(), status: z.enum(['met', 'unmet', 'pending']) }).optional(),
});

const ExpectedReachSchema = z.strictObject({
  state: IdSchema,
  mode: z.enum(['border', 'transit', 'sea', 'none']),
  via: z.array(IdSchema).optional(),
  refusedBy: z.array(IdSchema).optional(),
});

const ExpectedBreachSchema = z.strictObject({
  state: IdSchema,
  kind: z.enum(['nonaggression', 'neutrality', 'league-covenant', 'war-renunciation', 'abstention']),
  treaty: IdSchema.optional(),
});

/**
 * A case's act: the shared request's act fields (src/model/request.ts), its day written `at`. The
 * catalogue is data checked against the scenario, so its states are ids, not names.
 */
const CaseActSchema = ActFieldsSchema.omit({ date: true }).extend({ at: DaySchema, attackers: z.array(IdSchema).min(1).max(8), target: IdSchema });

/** A case's assumptions: the shared request's, each optional, transits written GRANTOR:GRANTEE. */
const CaseAssumptionsSchema = AssumptionFieldsSchema.partial().extend({
  abstain: z.array(IdSchema).optional(),
  transit: z.array(TransitTextSchema.pipe(z.strictObject({ grantor: IdSchema, grantee: IdSchema }))).optional(),
});

/** One case: act, assumptions, expected ruling, source, and a gap when the scenario lacks a fact it needs. */
export const CaseSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]\.\d+$/, 'a case id is a section letter and a number, e.g. E.3'),
  title: z.string().min(3),
  act: CaseActSchema,
  assumptions: CaseAssumptionsSchema.default({}),
  expect: z.strictObject({
    mustAct: z.array(IdSchema).default([]).describe('States that must act (beyond attackers and target).'),
    mustNotAct: z.array(IdSchema).default([]).describe('States that must not be bound to act.'),
    obligations: z.array(ExpectedObligationSchema).default([]),
    noObligation: z.array(z.strictObject({ state: IdSchema, kind: z.enum(OBLIGATION_KINDS) })).default([]).describe('No obligation of this kind at all.'),
    reach: z.array(ExpectedReachSchema).default([]),
    breaches: z.array(ExpectedBreachSchema).default([]),
    noBreaches: z.array(ExpectedBreachSchema).default([]).describe('Breaches that must not be found.'),
  }),
  source: SourcesSchema,
  note: z.string().optional(),
  /** A fact the scenario lacks that the case needs: the case is kept, and run as a known failure. */
  gap: z.string().optional(),
});

/** The catalogue file: a list of cases. */
export const CatalogueSchema = z.strictObject({ cases: z.array(CaseSchema).min(1) });

/** A case of the catalogue. */
export type Case = z.infer<typeof CaseSchema>;

/** Reads a catalogue (YAML). Pure. Throws ScenarioError naming the path of every problem, and of repeated ids. */
export function parseCatalogue(text: string, file: string): Case[] {
  const { cases } = parseDocumentAs(CatalogueSchema, text, file);
  const seen = new Set<string>();
  const repeated = cases.flatMap((c, i) => (seen.has(c.id) ? [{ file, path: ['cases', i, 'id'], message: `case id "${c.id}" is used twice` }] : (seen.add(c.id), [])));
  if (repeated.length) throw new ScenarioError(repeated);
  return cases;
}

/** The act and assumptions of a case. Pure. */
export function caseQuery(c: Case): { act: Act; assumptions: Assumptions } {
  const a = c.assumptions;
  return {
    act: { attackers: c.act.attackers, target: c.act.target, theatre: c.act.theatre, date: c.act.at, kind: c.act.kind },
    assumptions: {
      abstain: a.abstain,
      transit: a.transit,
      leagueFinding: a.leagueFinding,
      provoked: a.provoked,
      readings: a.readings,
    },
  };
}

/** Every way a resolution departs from a case's expectations, in words; empty when it complies. Pure. */
export function caseFailures(c: Case, r: Resolution): string[] {
  const failures: string[] = [];
  const e = c.expect;
  const state = (id: string) => r.states.find((s) => s.state === id);
  for (const id of e.mustAct) if (!state(id)?.mustAct) failures.push(`${id} should be bound to act`);
  for (const id of e.mustNotAct) if (state(id)?.mustAct) failures.push(`${id} should not be bound to act, but is: ${state(id)!.obligations.filter((o) => o.active && ['assist', 'assist-attacker', 'sanctions'].includes(o.kind)).map((o) => `${o.kind} ${o.toward} (${o.treaty})`).join(', ')}`);
  for (const x of e.obligations) {
    const found = state(x.state)?.obligations.filter((o) => o.kind === x.kind && o.treaty === x.treaty && (x.toward === undefined || o.toward === x.toward) && (x.provision === undefined || o.provision === x.provision)) ?? [];
    const what = `${x.state} ${x.kind}${x.toward ? ` ${x.toward}` : ''} under ${x.treaty}${x.provision ? ` (${x.provision})` : ''}`;
    if (!found.length) {
      failures.push(`${what}: no such obligation`);
      continue;
    }
    if (x.active !== undefined && !found.some((o) => o.active === x.active)) failures.push(`${what} should be ${x.active ? 'active' : 'inactive'}; conditions: ${found.flatMap((o) => o.conditions.map((k) => `${k.type} ${k.status} (${k.why})`)).join('; ')}`);
    if (x.condition && !found.some((o) => o.conditions.some((k) => k.type === x.condition!.type && k.status === x.condition!.status))) failures.push(`${what} should have a ${x.condition.type} condition ${x.condition.status}`);
  }
  for (const x of e.noObligation) if (state(x.state)?.obligations.some((o) => o.kind === x.kind)) failures.push(`${x.state} should have no ${x.kind} obligation`);
  for (const x of e.reach) {
    const reach = state(x.state)?.reach;
    if (!reach) {
      failures.push(`${x.state} has no reach computed`);
      continue;
    }
    if (reach.mode !== x.mode) failures.push(`${x.state} should reach by ${x.mode}, not ${reach.mode} (${reach.reason})`);
    if (x.via && JSON.stringify(reach.via) !== JSON.stringify(x.via)) failures.push(`${x.state} should reach via ${x.via.join(', ')}, not ${reach.via.join(', ') || 'nobody'}`);
    if (x.refusedBy && JSON.stringify(reach.refusedBy ?? []) !== JSON.stringify(x.refusedBy)) failures.push(`${x.state} should be refused by ${x.refusedBy.join(', ')}, not ${(reach.refusedBy ?? []).join(', ') || 'nobody'}`);
  }
  const matches = (x: z.infer<typeof ExpectedBreachSchema>) => r.breaches.some((b) => b.state === x.state && b.kind === x.kind && (x.treaty === undefined || b.treaty === x.treaty));
  for (const x of e.breaches) if (!matches(x)) failures.push(`missing breach: ${x.state} ${x.kind}${x.treaty ? ` (${x.treaty})` : ''}`);
  for (const x of e.noBreaches) if (matches(x)) failures.push(`unexpected breach: ${x.state} ${x.kind}${x.treaty ? ` (${x.treaty})` : ''}`);
  return failures;
}
