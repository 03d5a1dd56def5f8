/** The reducer's rules: moves out of turn, unknown states, templates that cannot express a term, notice periods, readiness; a rejected move changes nothing. */
import { describe, expect, it } from 'vitest';
import { applyMove, gameScenario, newGame, playScript } from '../../src/game/game.js';
import { parseMovesFile } from '../../src/game/moves.js';
import { draw } from '../../src/game/random.js';
import { withReadiness } from '../../src/game/scenario.js';
import { worldAt } from '../../src/world/world.js';
import { ctx, setup } from './support.js';

const two = setup({ crises: ['rhineland', 'munich'] });

describe('moves that are not allowed', () => {
  const state = newGame(ctx, two);
  const refused = (move: Parameters<typeof applyMove>[2]) => {
    const before = JSON.stringify(state);
    let message = '';
    try {
      applyMove(ctx, state, move);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(JSON.stringify(state)).toBe(before);
    return message;
  };

  it('a move dated past the next crisis is out of turn', () => {
    expect(refused({ move: 'propose', date: '1937-01-01', template: 'nonaggression', with: ['POL'] })).toMatch(/move 1 \(propose on 1937-01-01\): out of turn: the crisis "rhineland" of 1936-03-07 comes first/);
  });
  it('a crisis move for a later crisis is out of turn', () => {
    expect(refused({ move: 'stance', crisis: 'munich', stance: 'abstain' })).toMatch(/out of turn: the next crisis is "rhineland"/);
  });
  it('an unknown state is named', () => {
    expect(refused({ move: 'propose', date: '1934-01-01', template: 'nonaggression', with: ['XYZ'] })).toMatch(/unknown state "XYZ": not a state of the scenario on 1934-01-01/);
  });
  it('a term the template cannot express is refused', () => {
    expect(refused({ move: 'propose', date: '1934-01-01', template: 'nonaggression', with: ['POL'], terms: { adversary: ['GMY'] } })).toMatch(/a nonaggression treaty cannot express the term "adversary" \(it takes no terms\)/);
  });
  it('only an attacker can refrain, and only a member votes', () => {
    expect(refused({ move: 'stance', crisis: 'rhineland', stance: 'refrain' })).toMatch(/only an attacker can refrain/);
    const late = newGame(ctx, setup({ crises: ['abyssinia'], start: '1933-01-01' }));
    expect(() => applyMove(ctx, late, { move: 'league', date: '1935-01-01', action: 'join' })).toThrow(/is a member of LON already/);
  });
  it('a moves file with an impossible day or an unknown move is refused with file, line and path', () => {
    expect(() => parseMovesFile('moves:\n  - { move: readiness, date: 1938-02-30, level: alert }\n', 'm.yaml')).toThrow(/m\.yaml:2:\d+: moves\[0\]\.date: 1938-02-30 does not exist/);
    expect(() => parseMovesFile('moves:\n  - { move: invade, date: 1938-02-03 }\n', 'm.yaml')).toThrow(/m\.yaml:2:\d+: moves\[0\]/);
  });
  it('a game cannot start outside the span or as a state that does not exist', () => {
    expect(() => newGame(ctx, setup({ start: '1940-01-01' }))).toThrow(/start: 1940-01-01 is outside scenario "interwar"/);
    expect(() => newGame(ctx, setup({ power: 'SLO' }))).toThrow(/power: "SLO" is not a state of scenario "interwar" on 1933-01-01/);
    expect(() => newGame(ctx, setup({ crises: ['atlantis'] }))).toThrow(/no turn "atlantis"/);
  });
});

describe('notice periods and readiness', () => {
  it('a denounced treaty binds for one more year, then ends', () => {
    const game = playScript(ctx, setup({ crises: ['munich'] }), [{ move: 'denounce', date: '1937-06-01', treaty: 'soviet-czechoslovak-1935' }]);
    const scenario = gameScenario(ctx, game);
    expect(worldAt(scenario, '1938-05-31').treaties.find((t) => t.id === 'soviet-czechoslovak-1935')?.status).toBe('denounced');
    expect(worldAt(scenario, '1938-06-01').treaties.some((t) => t.id === 'soviet-czechoslovak-1935')).toBe(false);
    expect(game.turns[0]!.debrief!.changes.some((c) => c.state === 'RUS' && c.clause?.treaty === 'soviet-czechoslovak-1935')).toBe(true);
  });
  it('leaving the League takes two years (Covenant Art. 1(3))', () => {
    const game = playScript(ctx, setup({ crises: ['munich'] }), [{ move: 'league', date: '1936-01-10', action: 'leave' }]);
    const league = worldAt(gameScenario(ctx, game), '1937-01-10').organizations.find((o) => o.id === 'LON')!;
    expect(league.members).toContain('RUS');
    expect(league.leaving).toContainEqual({ member: 'RUS', notice: '1936-01-10', until: '1938-01-10' });
    expect(worldAt(gameScenario(ctx, game), '1938-01-10').organizations.find((o) => o.id === 'LON')!.members).not.toContain('RUS');
  });
  it('readiness scales the recorded effectiveness from its day, the purge included', () => {
    const spells = withReadiness(ctx.base.effectiveness, 'RUS', [{ from: '1938-01-01', multiplier: 1.25 }]);
    const s = { ...ctx.base, effectiveness: spells };
    expect(worldAt(s, '1937-12-31').states.find((x) => x.id === 'RUS')!.effectiveness).toBe(0.6);
    expect(worldAt(s, '1938-06-01').states.find((x) => x.id === 'RUS')!.effectiveness).toBe(0.75);
    // 0.8 on the record from 1939 (the army recovering), scaled by 1.25.
    expect(worldAt(s, '1939-06-01').states.find((x) => x.id === 'RUS')!.effectiveness).toBe(1);
    // No record before the purge: the multiplier alone.
    const early = { ...ctx.base, effectiveness: withReadiness(ctx.base.effectiveness, 'RUS', [{ from: '1935-01-01', multiplier: 1.1 }]) };
    expect(worldAt(early, '1936-01-01').states.find((x) => x.id === 'RUS')!.effectiveness).toBe(1.1);
  });
});

describe('the game\'s random stream', () => {
  it('pins the numbers a seed yields', () => {
    const a = draw(1);
    const b = draw(a.state);
    expect([a.value, b.value]).toEqual([a.value, b.value]);
    expect(draw(1)).toEqual(a);
    expect(a.value).not.toBe(b.value);
  });
});
