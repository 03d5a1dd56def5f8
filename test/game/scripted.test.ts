/**
 * Scripted games: one choice different from the record changes a later crisis, and the debrief
 * names the clause that did it; the acceptance rule's answers are explained.
 */
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/game/game.js';
import type { Move } from '../../src/game/moves.js';
import { ctx, setup } from './support.js';

const crises = ['rhineland', 'munich', 'prague'];

describe('a game with one choice the record did not make', () => {
  // Litvinov guarantees Czechoslovakia outright in May 1936, with no wait for France or for the League.
  const moves: Move[] = [{ move: 'propose', date: '1936-05-01', template: 'guarantee', with: ['CZE'] }];
  const game = playScript(ctx, setup({ crises }), moves);
  const history = playScript(ctx, setup({ crises }), []);
  const munich = game.turns.find((t) => t.id === 'munich')!;
  const munichOnRecord = history.turns.find((t) => t.id === 'munich')!;

  it('Czechoslovakia accepts the guarantee, and the player sees why', () => {
    const entry = game.log.find((l) => l.move.move === 'propose')!;
    expect(entry.outcome).toBe('accepted');
    expect(entry.acceptance![0]).toMatchObject({ state: 'CZE', accepted: true });
    expect(entry.acceptance![0]!.terms.map((t) => t.factor)).toEqual(expect.arrayContaining(['benefit-guarantee', 'sim-odds-distrust']));
  });

  it('binds the USSR at Munich, where on the record it waited on the League', () => {
    const rus = (t: typeof munich) => t.states!.find((s) => s.state === 'RUS')!;
    expect(rus(munichOnRecord).mustAct).toBe(false);
    expect(rus(munich).mustAct).toBe(true);
    expect(rus(munich).obligations.find((o) => o.active && o.kind === 'assist')).toMatchObject({ treaty: 'play-2-guarantee', toward: 'CZE', provisionKind: 'guarantee' });
  });

  it('the debrief explains the change with the clause that made it and the move that made the clause', () => {
    const change = munich.debrief!.changes.find((c) => c.state === 'RUS' && c.what === 'now-bound')!;
    expect(change.clause).toMatchObject({ treaty: 'play-2-guarantee', provision: 'guarantee', madeBy: 'move 2 (1936-05-01)' });
    expect(change.text).toMatch(/soviet-czechoslovak-1935: league-finding pending/);
    expect(munichOnRecord.debrief!.changes).toEqual([]);
  });

  it('leaves the crisis before the move as it was on the record', () => {
    expect(game.turns[0]!.states).toEqual(history.turns[0]!.states);
  });
});

describe('the acceptance rule', () => {
  it('Romania refuses the Red Army passage, as it did, and says which factors weigh', () => {
    const game = playScript(ctx, setup({ crises: ['munich'] }), [
      { move: 'propose', date: '1936-05-02', template: 'mutual-assistance', with: ['RUM'], transit: 'to-me' },
      { move: 'transit', date: '1936-05-03', action: 'ask', state: 'RUM' },
    ]);
    const [pact, transit] = game.log;
    expect(pact!.outcome).toBe('refused');
    expect(transit!.outcome).toBe('refused');
    expect(transit!.acceptance![0]!.terms.map((t) => t.factor)).toEqual(expect.arrayContaining(['burden-transit', 'refusal-on-record', 'sim-odds-distrust']));
    expect(game.changes).toEqual([]);
    expect(game.turns[0]!.debrief!.changes).toEqual([]);
  });

  // The USSR's pacts of 1932: France accepts; Poland, with the five-term propensity of the landscape
  // (its war of 1920 with the USSR, kin across the border, opposed governments), is likelier to refuse
  // than to sign, and the player sees why. The record (Poland signed) is the less likely draw here.
  it('France signs a nonaggression pact with the USSR; Poland weighs the war of 1920, kin and regime against it', () => {
    const game = playScript(ctx, setup({ crises: ['abyssinia'], start: '1933-01-01' }), [
      { move: 'propose', date: '1933-06-01', template: 'nonaggression', with: ['POL'] },
      { move: 'propose', date: '1933-06-02', template: 'nonaggression', with: ['FRN'] },
    ]);
    expect(game.log[1]!.outcome).toBe('accepted');
    const poland = game.log[0]!.acceptance![0]!;
    expect(poland.p).toBeLessThan(0.5);
    expect(poland.terms.find((t) => t.factor === 'propensity')!.why).toMatch(/wars -1/);
  });

  it('granting transit is the player\'s own decision: it needs nobody\'s consent and becomes a change of the scenario', () => {
    const game = playScript(ctx, setup({ crises: ['munich'] }), [{ move: 'transit', date: '1938-01-01', action: 'grant', state: 'CZE' }]);
    expect(game.log[0]!.outcome).toBe('done');
    expect(game.changes).toEqual([{ op: 'grant-transit', grantor: 'RUS', grantee: 'CZE', from: '1938-01-01' }]);
  });
});
