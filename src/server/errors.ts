/** HTTP errors at the boundary: every refusal is JSON `{ error }` with a 4xx status. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { QueryError, ScenarioError } from '../model/errors.js';
import { StoreError } from '../store/errors.js';

/** An error with the HTTP status it means; its message is shown to the client. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly details?: unknown;
  constructor(status: ContentfulStatusCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.details = details;
  }
}

/** The status and body an error becomes. Pure. Anything unknown is a 500 that hides its stack. */
export function errorResponse(error: unknown): { status: ContentfulStatusCode; body: { error: string; issues?: unknown } } {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.message, ...(error.details ? { issues: error.details } : {}) } };
  if (error instanceof ScenarioError) return { status: 422, body: { error: `invalid scenario: ${error.message}`, issues: error.issues } };
  // A question that makes no sense for the scenario: a day outside it, a state that does not exist that day.
  if (error instanceof QueryError || error instanceof RangeError) return { status: 422, body: { error: error.message } };
  // Nothing was stored: the write was rolled back before anything was acknowledged.
  if (error instanceof StoreError && error.full) return { status: 507, body: { error: 'the store is full (no space left for the database): nothing was stored; free disk space or delete runs' } };
  if (error instanceof StoreError) return { status: 503, body: { error: `the store cannot be written now (${error.code}): nothing was stored; try again` } };
  if (error instanceof HTTPException) return { status: error.status as ContentfulStatusCode, body: { error: error.message || 'request refused' } };
  return { status: 500, body: { error: 'internal error' } };
}

/** Hono's onError handler: writes the JSON error and logs only real failures. */
export function onError(error: unknown, c: Context): Response {
  const { status, body } = errorResponse(error);
  // A refusal the server chose (busy, over budget, store full) is not a bug; anything else is.
  if (status >= 500 && !(error instanceof HttpError)) console.error('casus serve:', error instanceof StoreError ? `store: ${error.code}: ${error.message}` : error);
  return c.json(body, status);
}
