/**
 * Large JSON answers sent in pieces: objects and arrays are written member by member into chunks of
 * about 16 KiB, so that a 100 KB resolution with its explanation is never built as one string (which
 * costs milliseconds per request and holds the event loop). An answer that fits in one chunk goes out
 * as one string.
 */
import type { Context } from 'hono';
import { HttpError } from './errors.js';

const CHUNK = 16 * 1024;
/** Members below this depth are stringified whole: pieces smaller than that are not worth a yield. */
const SPLIT_DEPTH = 2;

/** The pieces of `value`'s JSON text, in order; joined they equal JSON.stringify(value). Pure. */
export function* jsonPieces(value: unknown, depth = 0): Generator<string> {
  if (depth >= SPLIT_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      const item: unknown = value[i];
      yield* jsonPieces(item === undefined || typeof item === 'function' ? null : item, depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(member, depth + 1);
  }
  yield '}';
}

/** The next chunk of about CHUNK characters, '' at the end. */
function nextChunk(pieces: Generator<string>): string {
  let chunk = '';
  for (let next = pieces.next(); !next.done; next = pieces.next()) {
    chunk += next.value;
    if (chunk.length >= CHUNK) break;
  }
  return chunk;
}

/**
 * A JSON response (status 200). With `large` (an answer known to run to tens of kilobytes), streamed
 * chunk by chunk unless it fits one chunk; otherwise one JSON.stringify, the fastest for small answers.
 */
export function jsonResponse(c: Context, value: unknown, large = true): Response {
  const headers = { 'content-type': 'application/json' };
  if (!large) return c.body(JSON.stringify(value), 200, headers);
  const pieces = jsonPieces(value);
  const first = nextChunk(pieces);
  const second = nextChunk(pieces);
  if (!second) return c.body(first, 200, headers);
  const encoder = new TextEncoder();
  const queued = [first, second];
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queued.shift() ?? nextChunk(pieces);
      if (chunk) controller.enqueue(encoder.encode(chunk));
      else controller.close();
    },
  });
  return c.body(stream, 200, headers);
}

/** A `?name=1` (or `true`) query flag; `0`, `false` or absent is off, anything else a 400. */
export function queryFlag(c: Context, name: string): boolean {
  const value = c.req.query(name);
  if (value === undefined || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true' || value === '') return true;
  throw new HttpError(400, `?${name} must be 1 or 0, not "${value}"`);
}
