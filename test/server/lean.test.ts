/** The resolve endpoint's lean answers on the built-in scenario, `?all=1`, `?explain=1`, and JSON streamed in pieces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { createApp } from '../../src/server/app.js';
import { jsonPieces } from '../../src/server/json-stream.js';
import { Store } from '../../src/store/store.js';
import { worldAt } from '../../src/world/world.js';
import { call } from './support/app.js';

const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
const url = '/api/scenarios/interwar/resolve';
const app = createApp({ store: new Store(':memory:') });

describe('API: lean resolve answers', () => {
  it('summarises the Covenant and Kellogg-Briand by default and leaves the explanation out', async () => {
    const { status, body, text } = await call(app, 'POST', url, munich);
    expect(status).toBe(200);
    expect(body.explanation).toBeUndefined();
    expect(body.states.flatMap((s: { obligations: { treaty: string }[] }) => s.obligations.map((o) => o.treaty))).not.toContain('covenant');
    expect(body.universal.map((g: { treaty: string }) => g.treaty)).toEqual(expect.arrayContaining(['covenant', 'kellogg-briand']));
    expect(text.length).toBeLessThan(20_000);
  });

  it('adds the explanation with ?explain=1 and gives the full answer, streamed, with ?all=1', async () => {
    const explained = await call(app, 'POST', `${url}?explain=1`, munich);
    expect(explained.body.explanation.length).toBeGreaterThan(0);
    const full = await call(app, 'POST', `${url}?explain=1&all=1`, munich);
    expect(full.text.length).toBeGreaterThan(64 * 1024);
    expect(full.body).toEqual(JSON.parse(JSON.stringify(resolve(worldAt(loadBuiltInScenario(), munich.date), munich))));
  });

  it('refuses a flag that is neither 1 nor 0', async () => {
    const { status, body } = await call(app, 'POST', `${url}?all=yes`, munich);
    expect(status).toBe(400);
    expect(body.error).toMatch(/\?all must be 1 or 0/);
  });

  it('writes JSON in pieces that join to JSON.stringify', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value));
      }),
    );
    const withUndefined = { a: undefined, b: [1, undefined, () => 1], c: { d: undefined } };
    expect([...jsonPieces(withUndefined)].join('')).toBe(JSON.stringify(withUndefined));
  });
});
