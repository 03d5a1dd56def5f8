/** The resolve endpoint's lean answers on the built-in scenario, `?all=1`, `?explain=1`, and JSON streamed in pieces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { AnswerCache } from '../../src/server/answer-cache.js';
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

describe('API: remembered answers', () => {
  it('answers a repeated question with the same text, and afresh with Cache-Control: no-cache', async () => {
    const fresh = createApp({ store: new Store(':memory:') });
    const first = await call(fresh, 'POST', url, { ...munich, abstain: ['FRN'] });
    const again = await call(fresh, 'POST', url, { ...munich, abstain: ['FRN'] });
    const recomputed = await call(fresh, 'POST', url, { ...munich, abstain: ['FRN'] }, { 'cache-control': 'no-cache' });
    expect(again.text).toBe(first.text);
    expect(recomputed.text).toBe(first.text);
    const other = await call(fresh, 'POST', url, munich);
    expect(other.text).not.toBe(first.text);
  });

  it('keeps at most its bounds, dropping the least recently used', () => {
    const cache = new AnswerCache(2, 10);
    cache.set('a', 'xxx');
    cache.set('b', 'yyy');
    cache.get('a');
    cache.set('c', 'zzz');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual(['xxx', undefined, 'zzz']);
    cache.set('d', '12345678');
    expect(cache.size).toBe(1);
    cache.set('e', 'far more than ten characters');
    expect(cache.get('e')).toBeUndefined();
  });
});
