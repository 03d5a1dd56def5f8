/**
 * The historical replay: with no moves of the player, every crisis's obligations are what the
 * resolver says for that act on the historical scenario, crisis by crisis.
 */
import { describe, expect, it } from 'vitest';
import { playScript, replay } from '../../src/game/game.js';
import { gameReport } from '../../src/game/grade.js';
import { actOf } from '../../src/game/turns.js';
import { resolve } from '../../src/law/resolve.js';
import { worldAt } from '../../src/world/world.js';
import { ctx, setup } from './support.js';

describe('the historical replay', () => {
  const state = playScript(ctx, setup(), []);

  it('plays the decade\'s crises in order, ten and more of them settled by the engine', () => {
    expect(state.finished).toBe(true);
    expect(state.turns.map((t) => t.id)).toEqual(ctx.turns.map((t) => t.id));
    const settled = state.turns.filter((t) => t.states !== undefined).map((t) => t.id);
    expect(settled.length).toBeGreaterThanOrEqual(10);
    expect(settled).toEqual(expect.arrayContaining(['manchuria', 'abyssinia', 'rhineland', 'spain', 'anschluss', 'munich', 'prague', 'poland', 'baltic']));
  });

  it('gives at each crisis exactly the obligations and breaches the resolver gives on the historical scenario', () => {
    for (const turn of state.turns.filter((t) => t.states)) {
      const spec = ctx.turns.find((t) => t.id === turn.id)!;
      const expected = resolve(worldAt(ctx.base, spec.act.at), actOf(spec), {}, { explain: false });
      expect(turn.states, turn.id).toEqual(expected.states);
      expect(turn.breaches, turn.id).toEqual(expected.breaches);
      expect(turn.debrief!.changes, turn.id).toEqual([]);
    }
  });

  it('says so when a crisis lies outside the scenario\'s span or the scenario cannot take its act', () => {
    // Written so that it holds before and after the scenario's span is extended to the end of 1939.
    for (const t of state.turns) {
      if (t.act.date >= ctx.base.span.until) expect(t.status, t.id).toBe('outside-span');
      else expect(t.states !== undefined || (t.status === 'unresolvable' && /^the resolver cannot take this act on the scenario: /.test(t.why)), t.id).toBe(true);
    }
    const short = { ...ctx, base: { ...ctx.base, span: { from: ctx.base.span.from, until: '1939-06-01' } } };
    const poland = playScript(short, setup({ crises: ['munich', 'poland'] }), []).turns[1]!;
    expect(poland.status).toBe('outside-span');
    expect(poland.why).toBe('outside the scenario\'s span: "interwar" covers 1929-01-01 to 1939-06-01, and this crisis is dated 1939-09-01');
    expect(poland.states).toBeUndefined();
  });

  it('is rebuilt byte for byte by folding the reducer over its move log', () => {
    const again = replay(ctx, setup(), state.log.map((l) => l.move));
    expect(JSON.stringify(gameReport(again))).toBe(JSON.stringify(gameReport(state)));
  });

  it('draws war or deterrence from the simulator\'s probability, and a deterred crisis stops those that depend on it', () => {
    for (const t of state.turns) {
      if (t.status === 'war' || t.status === 'deterred') expect(t.status === 'deterred').toBe(t.draw! < t.deterrence!.p);
      if (t.status === 'averted') {
        const deps = ctx.turns.find((x) => x.id === t.id)!.dependsOn;
        expect(state.turns.some((x) => deps.includes(x.id) && ['deterred', 'averted', 'refrained'].includes(x.status))).toBe(true);
      }
    }
    // Another seed, another draw: the rule is a draw, not a fixed outcome.
    const statuses = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((seed) => playScript(ctx, setup({ seed, crises: ['rhineland'] }), []).turns[0]!.status);
    expect(new Set(statuses)).toEqual(new Set(['war', 'deterred']));
  });
});
