/** Small pieces of the routes: a scenario's summary, the run a path names, a body without its `save` flag. */
import type { Store, StoredRun } from '../store/store.js';
import { integerParam } from './body.js';
import { HttpError } from './errors.js';
import type { Scenarios } from './scenarios.js';

/** What the API shows of a scenario: its summary, without the content. */
export function summaryOf(entry: ReturnType<Scenarios['get']>) {
  const { scenario } = entry;
  return {
    id: entry.id,
    name: entry.name,
    hash: entry.hash,
    origin: entry.origin,
    base: entry.base,
    overlays: entry.overlays,
    description: scenario.description,
    span: scenario.span,
    counts: { actors: scenario.actors.length, treaties: scenario.treaties.length, events: scenario.events.length, territories: scenario.territories.length },
    parameters: scenario.parameters,
  };
}

/** The body without its `save` flag, which is not part of the act. */
export function withoutSave(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const { save: _save, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** 400 when the text is not JSON. */
export async function readJsonText(text: string): Promise<void> {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
}

/** The stored run of a path or query id; 404 when there is none. */
export function runOr404(store: Store, id: string | undefined): StoredRun {
  const n = integerParam(id, 'run id', 404);
  const run = store.getRun(n);
  if (!run) throw new HttpError(404, `no stored run ${n}`);
  return run;
}
