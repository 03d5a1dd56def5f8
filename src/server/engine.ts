/**
 * The server's view of the engines below it (law, sim): their entry points, loaded when they
 * are present, and the request shapes that reach them. The engine version recorded with every
 * stored run comes from here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DaySchema, IdSchema } from '../model/schema.js';
import { resolve } from '../law/resolve.js';
import type { Act, Assumptions, Resolution } from '../law/types.js';
import type { Scenario } from '../model/schema.js';
import { worldOf } from './scenarios.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

/** Recorded with every stored run; a rerun under another version says so. */
export const ENGINE_VERSION = `casus@${pkg.version}`;

const Ids = (max: number) => z.array(IdSchema).max(max);

/** An act and its assumptions, as the API takes them. */
export const ActRequestSchema = z.strictObject({
  attackers: Ids(8).min(1).describe('Attacking states (COW ids).'),
  target: IdSchema,
  date: DaySchema,
  theatre: IdSchema.optional().describe('A territory id; the target’s own territory when omitted.'),
  abstain: Ids(64).default([]).describe('States that do not honour their obligations.'),
  transit: z.array(z.strictObject({ grantor: IdSchema, grantee: IdSchema })).max(64).default([]).describe('GRANTOR lets GRANTEE’s forces pass.'),
  leagueFinding: z.boolean().optional(),
  provoked: z.boolean().optional(),
  readings: z.record(IdSchema, z.boolean()).optional(),
  explain: z.boolean().default(false).describe('Include the explanation tree (most of the answer’s size); also `?explain=1`.'),
});
export type ActRequest = z.infer<typeof ActRequestSchema>;

/** Splits an act request into the resolver's act and assumptions. Pure. */
export function actOf(request: Omit<ActRequest, 'explain'>): { act: Act; assumptions: Assumptions } {
  const { attackers, target, date, theatre, abstain, transit, leagueFinding, provoked, readings } = request;
  return { act: { attackers, target, date, theatre }, assumptions: { abstain, transit, leagueFinding, provoked, readings } };
}


/** Resolves an act request on a scenario's world. Pure; throws QueryError for an act that makes no sense. */
export function resolveRequest(scenario: Scenario, request: ActRequest): Resolution {
  const { act, assumptions } = actOf(request);
  return resolve(worldOf(scenario, act.date), act, assumptions, { explain: request.explain === true });
}
