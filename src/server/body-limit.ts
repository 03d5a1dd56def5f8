/**
 * A bound on request bodies that costs nothing when the client declares the length. hono's
 * `bodyLimit` reads `c.req.raw.body`, and with @hono/node-server that builds a whole web Request
 * for every POST (an undici Request, an AbortController, a web stream over the socket): in a
 * profile of remembered resolve answers under 32 clients, that was the largest cost of the event
 * loop beyond what `/api/health` pays. A declared Content-Length is checked from the header alone,
 * and the body is then read straight from the socket; only a body without one (chunked) is
 * counted as it arrives, by hono's middleware.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** At most `maxSize` bytes of body; larger ones get `onError`'s answer (413). */
export function declaredBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counting(c, next);
    return Number.parseInt(length, 10) > maxSize ? onError(c) : next();
  };
}
