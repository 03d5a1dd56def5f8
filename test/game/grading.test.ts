/** Grading and the debrief's clauses: the Council vote, sanctions honoured or lifted, and a road opened by a transit clause. */
import { describe, expect, it } from 'vitest';
import { settleCrisis } from '../../src/game/crisis.js';
import { playScript } from '../../src/game/game.js';
import { gradesOf } from '../../src/game/grade.js';
import { scenarioWith } from '../../src/game/scenario.js';
import { treatyOf } from '../../src/game/templates.js';
import { ctx, setup } from './support.js';

describe('the Council vote and sanctions', () => {
  const abyssinia = setup({ crises: ['abyssinia'] });

  it('a vote for a finding stands where the Council found one (1935-10-07): the USSR owes sanctions and, applying them, is credible', () => {
    const game = playScript(ctx, abyssinia, [{ move: 'vote', crisis: 'abyssinia', finding: true }, { move: 'sanctions', crisis: 'abyssinia', action: 'apply' }]);
    const turn = game.turns[0]!;
    expect(turn.assumptions).toEqual({ leagueFinding: true });
    expect(turn.player!.obligations.find((o) => o.kind === 'sanctions')).toMatchObject({ toward: 'ETH', treaty: 'covenant', active: true });
    expect(gradesOf(game)).toMatchObject({ credibility: 1, breached: 0 });
    expect(turn.cost).toBeGreaterThanOrEqual(1);
  });

  it('lifting them is a breach of Art. 16, and credibility falls to nothing', () => {
    const game = playScript(ctx, abyssinia, [{ move: 'vote', crisis: 'abyssinia', finding: true }, { move: 'sanctions', crisis: 'abyssinia', action: 'lift' }]);
    expect(game.turns[0]!.breaches).toContainEqual(expect.objectContaining({ state: 'RUS', kind: 'abstention', treaty: 'covenant' }));
    expect(gradesOf(game)).toMatchObject({ credibility: 0, honoured: 0 });
  });

  it('a vote against blocks the finding (unanimity), and nobody owes sanctions', () => {
    const game = playScript(ctx, abyssinia, [{ move: 'vote', crisis: 'abyssinia', finding: false }]);
    expect(game.turns[0]!.assumptions).toEqual({ leagueFinding: false });
    expect(game.turns[0]!.states!.some((s) => s.mustAct && s.state !== 'ITA' && s.state !== 'ETH')).toBe(false);
  });
});

describe('the debrief of a road opened', () => {
  it('names the transit clause that lets the Red Army reach Czechoslovakia', () => {
    // Romania refuses this pact in the game; the test writes it in directly to check the debrief's citation.
    const pact = treatyOf({ move: 'propose', date: '1936-05-02', template: 'mutual-assistance', with: ['RUM'], transit: 'to-me' }, 'RUS', 'rum-pact', 0);
    const scenario = scenarioWith(ctx.base, [{ op: 'add-treaty', treaty: pact }]);
    const act = { attackers: ['GMY'], target: 'CZE', theatre: 'sudetenland', date: '1938-09-28' };
    const settled = settleCrisis({ base: ctx.base, scenario, power: 'RUS', act, assumptions: {}, seed: 1, madeBy: new Map([['rum-pact', 'move 1 (1936-05-02)']]) });
    const reach = settled.debrief.changes.find((c) => c.state === 'RUS' && c.what === 'reach')!;
    expect(reach.text).toMatch(/RUS reaches CZE by transit via RUM \(on the record: none, refused by POL, RUM\)/);
    expect(reach.clause).toMatchObject({ treaty: 'rum-pact', provision: 'transit-to', madeBy: 'move 1 (1936-05-02)' });
  });
});
