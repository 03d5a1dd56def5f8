/**
 * The server's view of the engines below it (law, sim): their entry points, loaded when they
 * are present, and the request shapes that reach them. The engine version recorded with every
 * stored run comes from here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ActRequestSchema as ModelActRequestSchema } from '../model/request.js';
import { universalTreatiesOf, type LeanResolution } from '../law/lean.js';
import { resolveLean } from '../law/lean-resolve.js';
import { resolve } from '../law/resolve.js';
import type { Resolution } from '../law/types.js';
import type { Scenario } from '../model/schema.js';
import { actQueryOf } from '../law/request.js';
import { worldOf } from './scenarios.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

/** Recorded with every stored run; a rerun under another version says so. */
export const ENGINE_VERSION = `casus@${pkg.version}`;

/** An act and its assumptions, as the API's resolve takes them: the shared request without overlays, and whether to explain. */
export const ActRequestSchema = ModelActRequestSchema.extend({
  explain: z.boolean().default(false).describe('Include the explanation tree (most of the answer’s size); also `?explain=1`.'),
});
export type ActRequest = z.infer<typeof ActRequestSchema>;


/** Resolves an act request on a scenario's world. Pure; throws QueryError for an act that makes no sense. */
export function resolveRequest(scenario: Scenario, request: ActRequest): Resolution {
  const { act, assumptions } = actQueryOf(scenario.actors, request);
  return resolve(worldOf(scenario, act.date, assumptions.readings), act, assumptions, { explain: request.explain === true });
}

/** The lean answer to a request (without explanation), built directly: byte-equal to `leanResolution(resolveRequest(...))`. */
export function leanResolveRequest(scenario: Scenario, request: ActRequest): LeanResolution {
  const { act, assumptions } = actQueryOf(scenario.actors, request);
  return resolveLean(worldOf(scenario, act.date, assumptions.readings), act, assumptions, universalTreatiesOf(scenario));
}
