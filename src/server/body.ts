/** Reading request input at the boundary: bounded JSON bodies, query days, and zod checks that answer 400. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { dayProblem } from '../model/day.js';
import { MAX_DEPTH, nestingDepth } from '../model/parse.js';
import { HttpError } from './errors.js';

/** The body as UTF-8 text; 400 naming UTF-16 (or other bytes that are not UTF-8) instead of parsing garbage. */
export async function readText(c: Context): Promise<string> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new HttpError(400, 'the body is UTF-16 text; send it as UTF-8');
  // JSON and YAML never hold a raw NUL; ASCII sent as UTF-16 without a byte-order mark is full of them.
  if (bytes.includes(0)) throw new HttpError(400, 'the body is not UTF-8 text (it has NUL bytes: UTF-16 without a byte-order mark?); send it as UTF-8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'the body is not UTF-8 text; send it as UTF-8');
  }
}

/** Parses the body as JSON; 400 when it is not UTF-8 JSON or nests too deeply. (Its size is bounded by the bodyLimit middleware.) */
export async function readJson(c: Context): Promise<unknown> {
  const text = await readText(c);
  if (text.trim() === '') throw new HttpError(400, 'the request needs a JSON body');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
  if (nestingDepth(value) > MAX_DEPTH) throw new HttpError(400, `the JSON nests deeper than ${MAX_DEPTH} levels`);
  return value;
}

/** Checks a value against a schema; a mismatch is a 400 naming each field. */
export function check<S extends z.ZodType>(schema: S, value: unknown, what = 'body'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const summary = issues
    .slice(0, 5)
    .map((i) => `${i.path ? `${what}.${i.path}` : what}: ${i.message}`)
    .join('; ');
  throw new HttpError(400, `invalid request ${summary}`, issues);
}

/** Reads and checks a JSON body. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return check(schema, await readJson(c));
}

/** A required `YYYY-MM-DD` query parameter, or a 400 that names it. */
export function queryDay(c: Context, name: string): string;
export function queryDay(c: Context, name: string, optional: true): string | undefined;
export function queryDay(c: Context, name: string, optional = false): string | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') {
    if (optional) return undefined;
    throw new HttpError(400, `the query parameter "${name}" (a day, YYYY-MM-DD) is required`);
  }
  const problem = dayProblem(value);
  if (problem) throw new HttpError(400, `query parameter "${name}": ${problem}`);
  return value;
}

/** A positive integer path or query value, or a 400/404 as the caller chooses. */
export function integerParam(value: string | undefined, name: string, status: 400 | 404 = 400): number {
  if (value === undefined || !/^[0-9]{1,15}$/.test(value)) throw new HttpError(status, `${name} must be a positive integer, got "${value ?? ''}"`);
  return Number(value);
}
