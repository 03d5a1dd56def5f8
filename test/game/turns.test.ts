/** The crisis turns as data: well formed, sourced with real quotes, and the same acts as the catalogue cases they mirror. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTurns } from '../../src/game/turns.js';
import { parseCatalogue } from '../../src/law/catalogue.js';
import { ctx } from './support.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const CASES = parseCatalogue(readFileSync(fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url)), 'utf8'), 'cases.yaml');

/** As test/model/sources.test.ts: typographic quotes straightened, words broken across lines joined, whitespace collapsed. */
const normalise = (text: string) =>
  text.normalize('NFC').replace(/[\u2018\u2019\u201A\u201B]/g, "'").replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/''/g, '"').replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{L})/gu, '$1').replace(/\s+/g, ' ').trim();

describe('scenarios/interwar/game.yaml', () => {
  it('every seed quote occurs in its seed text', () => {
    for (const turn of ctx.turns) {
      for (const s of [turn.source, turn.dependsWhy].flat()) {
        if (!s || !('seed' in s)) continue;
        expect(normalise(readFileSync(SEEDS + s.seed, 'utf8')), `${turn.id}: ${s.quote}`).toContain(normalise(s.quote));
      }
    }
  });

  it('every turn that names a case has that case\'s act, and every dependency is sourced', () => {
    for (const turn of ctx.turns) {
      if (turn.dependsOn.length) expect(turn.dependsWhy, turn.id).toBeDefined();
      if (!turn.case) continue;
      const c = CASES.find((x) => x.id === turn.case);
      expect(c, turn.id).toBeDefined();
      expect({ at: c!.act.at, attackers: c!.act.attackers, target: c!.act.target }).toEqual({ at: turn.act.at, attackers: turn.act.attackers, target: turn.act.target });
    }
  });

  it('names scenario events that exist', () => {
    for (const turn of ctx.turns) if (turn.event) expect(ctx.base.events.some((e) => e.id === turn.event), turn.id).toBe(true);
  });

  it('refuses turns out of order and dependencies on later turns', () => {
    const text = 'turns:\n  - { id: b, title: bbb, act: { at: 1936-01-01, attackers: [GMY], target: FRN }, dependsOn: [a], source: { ref: xxx } }\n  - { id: a, title: aaa, act: { at: 1935-01-01, attackers: [GMY], target: FRN }, source: { ref: xxx } }\n';
    expect(() => parseTurns(text, 't.yaml')).toThrow(/"a" is not an earlier turn[\s\S]*comes before the previous turn/);
  });
});
