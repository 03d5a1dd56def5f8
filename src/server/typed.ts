/**
 * Types for the typed client (hono's `hc`, web/src/api.ts): a route declares the JSON body or the
 * query it takes, and what it answers, without changing how it reads them. The routes keep
 * reading and checking their own bodies (src/server/body.ts) so that the order of the answers
 * (404 for an unknown scenario before 400 for a bad body) and their messages stay as they were.
 */
import type { MiddlewareHandler, TypedResponse } from 'hono';
import type { z } from 'zod';

/** Declares that the route takes a JSON body of this schema (checked by the route itself). */
export function takesJson<S extends z.ZodType>(_schema: S): MiddlewareHandler<object, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return passOn;
}

/** Declares that the route takes this query (read by the route itself). */
export function takesQuery<Q extends Record<string, string | undefined>>(): MiddlewareHandler<object, string, { in: { query: Q }; out: { query: Q } }> {
  return passOn;
}

const passOn: MiddlewareHandler = async (_c, next) => {
  await next();
};

/** A response built by hand (streamed JSON, a remembered answer) typed as the JSON it carries. */
export function answers<T>(response: Response): TypedResponse<T, 200, 'json'> {
  return response as unknown as TypedResponse<T, 200, 'json'>;
}
