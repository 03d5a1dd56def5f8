import type { Command } from 'commander';
import { worldAt } from '../../world/world.js';
import { atlasOf, type Atlas } from '../../law/atlas.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';
import { assumptionsFrom } from './act-options.js';

/** `casus atlas --at DAY`: every ordered pair of states resolved; who must act in each. */
export function registerAtlas(program: Command): void {
  withCommonOptions(
    program
      .command('atlas')
      .description('every ordered pair of states resolved on a day: a matrix of how many must act when ROW attacks COLUMN')
      .requiredOption('--at <day>', 'the day, YYYY-MM-DD')
      .option('--league-finding', 'assume the League Council finds aggression in every case')
      .option('--provoked', 'assume every attack provoked')
      .option('--reading <name=bool>', 'override a reading parameter (repeatable)', (v: string, p: string[] = []) => [...p, v]),
  ).action(
    action((options: { at: string; leagueFinding?: boolean; provoked?: boolean; reading?: string[]; scenario?: string; json?: boolean }) => {
      const world = worldAt(scenarioFrom(options), dayOption(options.at, '--at'));
      const atlas = atlasOf(world, assumptionsFrom(options));
      if (options.json) printJson(atlas);
      else printLines(describeAtlas(atlas));
    }),
  );
}

/** The atlas as a matrix (rows attack columns; a cell counts the states that must act) and a list of the cells. Pure. */
export function describeAtlas(atlas: Atlas): string[] {
  const involved = new Set(atlas.cells.flatMap((c) => [c.attacker, c.target]));
  const ids = atlas.states.filter((s) => involved.has(s));
  const count = new Map(atlas.cells.map((c) => [`${c.attacker}>${c.target}`, c.mustAct.length]));
  const width = Math.max(3, ...ids.map((s) => s.length)) + 1;
  const lines = [`Who must act when ROW attacks COLUMN, ${atlas.date} (${atlas.states.length} states; ${atlas.cells.length} of ${atlas.states.length * (atlas.states.length - 1)} pairs bind someone)`, ''];
  if (!ids.length) return [...lines, 'No attack on this day would bind any third state.'];
  lines.push(' '.repeat(width) + ids.map((s) => s.padStart(width)).join(''));
  for (const a of ids) lines.push(a.padEnd(width) + ids.map((t) => (a === t ? '·' : String(count.get(`${a}>${t}`) ?? '')).padStart(width)).join(''));
  lines.push('', 'Cells:');
  for (const c of atlas.cells) lines.push(`  ${c.attacker} → ${c.target}: ${c.mustAct.join(', ')}`);
  return lines;
}
