/** `casus atlas --kind`: the atlas resolves the act it is told, and says which; the Rhineland, 1936, as the historical case. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS } from '../../src/law/act-kinds.js';
import { atlasOf } from '../../src/law/atlas.js';
import { resolve } from '../../src/law/resolve.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt } from '../../src/world/world.js';
import { casus } from '../support/casus.js';

const RHINELAND = ['atlas', '--at', '1936-03-07'];
type Cell = { attacker: string; target: string; mustAct: string[] };
const cellOf = (atlas: { cells: Cell[] }, attacker: string, target: string) => atlas.cells.find((c) => c.attacker === attacker && c.target === target)?.mustAct ?? [];

describe('casus atlas --kind', () => {
  it('on 7 March 1936 a remilitarisation against France binds the Locarno guarantors, not France\'s eastern allies (case C.4)', async () => {
    const run = await casus(...RHINELAND, '--kind', 'remilitarisation', '--json');
    expect(run.code).toBe(0);
    const atlas = JSON.parse(run.stdout);
    expect(atlas.kind).toBe('remilitarisation');
    // Rhineland Pact Art. 4(3): a flagrant breach of Versailles Arts. 42-43 obliges the guarantors at once.
    expect(cellOf(atlas, 'GMY', 'FRN')).toEqual(expect.arrayContaining(['ITA', 'UKG']));
    // The Franco-Polish and Franco-Czechoslovak treaties answer an attack only.
    expect(cellOf(atlas, 'GMY', 'FRN')).not.toContain('POL');
    expect(cellOf(atlas, 'GMY', 'FRN')).not.toContain('CZE');
    expect(cellOf(atlas, 'GMY', 'POL')).toEqual([]);
  });

  it('defaults to an armed attack, under which the eastern allies are bound to France, and says so', async () => {
    const run = await casus(...RHINELAND, '--json');
    const atlas = JSON.parse(run.stdout);
    expect(atlas.kind).toBe('attack');
    expect(cellOf(atlas, 'GMY', 'FRN')).toEqual(expect.arrayContaining(['CZE', 'ITA', 'POL', 'UKG']));
    const text = await casus(...RHINELAND);
    expect(text.stdout).toMatch(/^Who must act when ROW attacks COLUMN, 1936-03-07 /);
  });

  it('names the act in its text output', async () => {
    const run = await casus(...RHINELAND, '--kind', 'remilitarisation');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Who must act when ROW remilitarises its own demilitarised territory \(against COLUMN\), 1936-03-07 /);
    expect(run.stdout).toMatch(/^ {2}GMY → FRN: .*UKG/m);
  });

  it('refuses an unknown kind with exit 2, listing the kinds', async () => {
    const run = await casus(...RHINELAND, '--kind', 'invasion');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--kind "invasion": expected attack, occupation, remilitarisation/);
  });
});

describe('the atlas of a kind of act', () => {
  const world = worldAt(loadBuiltInScenario(), '1936-03-07');

  it('lists in a cell exactly the states the resolver says must act in that act, for every kind', () => {
    const atlases = new Map(ACT_KINDS.map((kind) => [kind, atlasOf(world, {}, kind)]));
    const states = atlases.get('attack')!.states;
    fc.assert(
      fc.property(fc.constantFrom(...ACT_KINDS), fc.constantFrom(...states), fc.constantFrom(...states), (kind, attacker, target) => {
        fc.pre(attacker !== target);
        const r = resolve(world, { attackers: [attacker], target, date: world.date, kind }, {}, { reach: false, explain: false });
        const expected = r.states.filter((s) => s.mustAct && s.state !== attacker && s.state !== target).map((s) => s.state);
        expect(cellOf(atlases.get(kind)!, attacker, target)).toEqual(expected);
      }),
      { numRuns: 200, seed: 1936 },
    );
  });
});
