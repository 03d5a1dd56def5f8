/** A test app over the fixture scenario and an in-memory store. */
import { loadScenarioFile } from '../../../src/model/load.js';
import { createApp, type LimitOverrides } from '../../../src/server/app.js';
import { Store } from '../../../src/store/store.js';

export const FIXTURE = new URL('../fixtures/munich.yaml', import.meta.url).pathname;

/** A fresh app and its store. */
export function testApp(limits: LimitOverrides = {}) {
  const store = new Store(':memory:');
  const app = createApp({ store, limits, builtIn: loadScenarioFile(FIXTURE) });
  return { app, store };
}

/** Sends JSON and returns status and parsed body. */
export async function call(app: ReturnType<typeof createApp>, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await app.request(path, init);
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, body: json, text, headers: response.headers };
}
