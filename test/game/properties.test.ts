/**
 * Properties of the reducer over random move sequences: a rejected move changes nothing, a refused
 * proposal changes only the log, and the finished game is rebuilt byte for byte by folding the
 * reducer over its log.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMove, newGame, playScript, replay } from '../../src/game/game.js';
import { gameReport } from '../../src/game/grade.js';
import type { Move } from '../../src/game/moves.js';
import type { GameState } from '../../src/game/state.js';
import { QueryError } from '../../src/model/errors.js';
import { ctx, setup } from './support.js';

const day = fc.constantFrom('1935-06-01', '1936-04-01', '1936-05-01', '1937-02-01', '1938-01-01', '1938-09-27', '1938-10-01');
const state = fc.constantFrom('POL', 'CZE', 'FRN', 'RUM', 'UKG', 'GMY', 'XYZ');
const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({ move: fc.constant('propose' as const), date: day, template: fc.constantFrom('nonaggression', 'mutual-assistance', 'guarantee', 'neutrality' as const), with: fc.array(state, { minLength: 1, maxLength: 2 }) }),
  fc.record({ move: fc.constant('transit' as const), date: day, action: fc.constantFrom('ask', 'grant' as const), state }),
  fc.record({ move: fc.constant('readiness' as const), date: day, level: fc.constantFrom('reduced', 'alert', 'mobilised' as const) }),
  fc.record({ move: fc.constant('league' as const), date: day, action: fc.constantFrom('join', 'leave' as const) }),
  fc.record({ move: fc.constant('stance' as const), crisis: fc.constantFrom('rhineland', 'munich'), stance: fc.constantFrom('honour', 'abstain' as const) }),
  fc.record({ move: fc.constant('vote' as const), crisis: fc.constantFrom('rhineland', 'munich'), finding: fc.boolean() }),
  fc.constant({ move: 'next' as const }),
);

describe('the reducer under random moves', () => {
  it('rejects without changing anything, refuses without changing the scenario, and replays exactly', () => {
    fc.assert(
      fc.property(fc.array(move, { maxLength: 5 }), fc.integer({ min: 0, max: 1000 }), (moves, seed) => {
        let s: GameState = newGame(ctx, setup({ seed, crises: ['rhineland', 'munich'] }));
        for (const m of moves) {
          if (s.finished) break;
          const before = JSON.stringify(s);
          try {
            const next = applyMove(ctx, s, m);
            const entry = next.log.at(-1)!;
            if (entry.outcome === 'refused') expect(next.changes).toBe(s.changes);
            s = next;
          } catch (error) {
            if (!(error instanceof QueryError)) throw error;
            expect(JSON.stringify(s)).toBe(before);
          }
        }
        const finished = playScript(ctx, s.setup, [], { from: s });
        const again = replay(ctx, s.setup, finished.log.map((l) => l.move));
        expect(JSON.stringify(gameReport(again))).toBe(JSON.stringify(gameReport(finished)));
      }),
      { numRuns: 8, seed: 16 },
    );
  }, 120_000);
});
