import { describe, expect, it } from 'vitest';
import { leanResolution, universalTreatiesOf } from '../../src/law/lean.js';
import type { Resolution } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { runWork } from '../../src/server/tasks.js';

const scenario = loadBuiltInScenario();
const json = JSON.stringify(scenario);
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };

describe('worker tasks', () => {
  it('names a scenario it does not keep as missing, then keeps it once its text came', async () => {
    const hash = `test-${Math.random()}`;
    const first = await runWork({ op: 'days', scenario: { hash } });
    expect(first).toMatchObject({ ok: false, failure: { kind: 'missing' } });
    expect((await runWork({ op: 'days', scenario: { hash, json } })).ok).toBe(true);
    expect((await runWork({ op: 'days', scenario: { hash } })).ok).toBe(true);
  });

  it('answers a lean resolve as the JSON text of the lean resolution of the full one', async () => {
    const hash = `test-${Math.random()}`;
    const full = await runWork({ op: 'resolve', scenario: { hash, json }, request: munich as never });
    const lean = await runWork({ op: 'resolve', scenario: { hash }, request: munich as never, lean: true });
    if (!full.ok || !lean.ok) throw new Error('resolve failed');
    expect(typeof lean.value).toBe('string');
    expect(lean.value).toBe(JSON.stringify(leanResolution(full.value as Resolution, universalTreatiesOf(scenario), { explain: false })));
  });
});
