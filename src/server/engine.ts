/**
 * The server's view of the engines below it (law, sim): their entry points, loaded when they
 * are present, and the request shapes that reach them. The engine version recorded with every
 * stored run comes from here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ActKindSchema, DaySchema, IdSchema, LeagueFindingSchema } from '../model/schema.js';
import { resolve } from '../law/resolve.js';
import type { Act, Assumptions, Resolution } from '../law/types.js';
import type { Scenario } from '../model/schema.js';
import { actWithStateIds } from '../world/names.js';
import { worldOf } from './scenarios.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

/** Recorded with every stored run; a rerun under another version says so. */
export const ENGINE_VERSION = `casus@${pkg.version}`;

/** A state as a person or a program names it: a COW id or a name, looked up by src/world/names.ts. */
const StateRefSchema = z.string().trim().min(1).max(80).describe('A state: its COW id (GMY) or its name (Germany, "Soviet Union"), case-insensitive.');
const Ids = (max: number) => z.array(StateRefSchema).max(max);

/** An act and its assumptions, as the API takes them. */
export const ActRequestSchema = z.strictObject({
  attackers: Ids(8).min(1).describe('Attacking states (COW ids).'),
  target: StateRefSchema,
  date: DaySchema,
  theatre: IdSchema.optional().describe('A territory id; the target’s own territory when omitted.'),
  abstain: Ids(64).default([]).describe('States that do not honour their obligations.'),
  transit: z.array(z.strictObject({ grantor: StateRefSchema, grantee: StateRefSchema })).max(64).default([]).describe('GRANTOR lets GRANTEE’s forces pass.'),
  kind: ActKindSchema.optional().describe('What the act is: attack (default), occupation, remilitarisation, cession, declaration or intervention.'),
  leagueFinding: z
    .union([LeagueFindingSchema, z.boolean()])
    .optional()
    .describe('The League Council\'s outcome: aggression, no-decision (no recommendation or no unanimity) or otherwise; true and false are read as aggression and otherwise. Omitted: not assumed either way.'),
  provoked: z.boolean().optional(),
  readings: z.record(IdSchema, z.boolean()).optional(),
  explain: z.boolean().default(false).describe('Include the explanation tree (most of the answer’s size); also `?explain=1`.'),
});
export type ActRequest = z.infer<typeof ActRequestSchema>;

/** Splits an act request into the resolver's act and assumptions. Pure. */
export function actOf(request: Omit<ActRequest, 'explain'>): { act: Act; assumptions: Assumptions } {
  const { attackers, target, date, theatre, kind, abstain, transit, leagueFinding, provoked, readings } = request;
  return { act: { attackers, target, date, theatre, kind }, assumptions: { abstain, transit, leagueFinding, provoked, readings } };
}


/** Resolves an act request on a scenario's world. Pure; throws QueryError for an act that makes no sense. */
export function resolveRequest(scenario: Scenario, request: ActRequest): Resolution {
  const { act, assumptions } = actOf(actWithStateIds(scenario.actors, request));
  return resolve(worldOf(scenario, act.date, assumptions.readings), act, assumptions, { explain: request.explain === true });
}
