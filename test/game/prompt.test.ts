/** The prompt's language of `casus play`: each line a move the schema accepts, or a message that says what is wrong. */
import { describe, expect, it } from 'vitest';
import { completions, parseCommand } from '../../src/cli/commands/play-input.js';
import { newGame } from '../../src/game/game.js';
import { ctx, setup } from './support.js';

const state = newGame(ctx, setup({ crises: ['rhineland', 'munich'] }));
const parse = (line: string) => parseCommand(line, '1934-01-01', ctx, state);

describe('parseCommand', () => {
  it('reads a proposal with its terms and a day', () => {
    expect(parse('propose mutual-assistance CZE,FRN transit=to-me against=GMY after=FRN league @1935-05-01')).toEqual({
      move: 'propose',
      date: '1935-05-01',
      template: 'mutual-assistance',
      with: ['CZE', 'FRN'],
      terms: { adversary: ['GMY'], priorAction: ['FRN'], leagueFinding: true },
      transit: 'to-me',
    });
  });
  it('dates a move on the game\'s day and binds crisis moves to the next crisis', () => {
    expect(parse('readiness alert')).toEqual({ move: 'readiness', date: '1934-01-01', level: 'alert' });
    expect(parse('vote yes')).toEqual({ move: 'vote', crisis: 'rhineland', finding: true });
    expect(parse('stance abstain')).toEqual({ move: 'stance', crisis: 'rhineland', stance: 'abstain' });
  });
  it('says what is wrong with a line', () => {
    expect(() => parse('invade POL')).toThrow(/unknown move "invade"; type "help"/);
    expect(() => parse('propose alliance CZE')).toThrow(/template/);
    expect(() => parse('readiness alert @1934-02-30')).toThrow(/1934-02-30 does not exist/);
  });
  it('completes the verb and its first word with Tab', () => {
    expect(completions('pro')).toEqual([['propose'], 'pro']);
    expect(completions('propose mu')).toEqual([['mutual-assistance'], 'mu']);
    expect(completions('readiness ')[0]).toEqual(['reduced', 'normal', 'alert', 'mobilised']);
  });
});
