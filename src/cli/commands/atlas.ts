import type { Command } from 'commander';
import { worldAt } from '../../world/world.js';
import { atlasOf, type Atlas } from '../../law/atlas.js';
import { actKindText, actSentence } from '../../law/act-kinds.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';
import { assumptionsFrom, kindOption, withActKindOptions } from './act-options.js';

/** `casus atlas --at DAY [--kind KIND]`: every ordered pair of states resolved for one kind of act; who must act in each. */
export function registerAtlas(program: Command): void {
  withCommonOptions(
    withActKindOptions(program.command('atlas'), 'default: not assumed either way: pending')
      .description('every ordered pair of states resolved on a day: a matrix of how many must act when ROW attacks COLUMN (or acts on it as --kind says)')
      .requiredOption('--at <day>', 'the day, YYYY-MM-DD')
      .option('--provoked', 'assume every act provoked')
      .option('--reading <name=bool>', 'override a reading parameter (repeatable)', (v: string, p: string[] = []) => [...p, v]),
  ).action(
    action((options: { at: string; kind?: string; leagueFinding?: boolean | string; provoked?: boolean; reading?: string[]; scenario?: string; json?: boolean }) => {
      const assumptions = assumptionsFrom(options);
      // Readings that end a treaty (a denunciation read as effective) shape the world itself, as in resolve.
      const world = worldAt(scenarioFrom(options), dayOption(options.at, '--at'), assumptions.readings);
      const atlas = atlasOf(world, assumptions, kindOption(options.kind));
      if (options.json) printJson(atlas);
      else printLines(describeAtlas(atlas));
    }),
  );
}

/** The atlas as a matrix (rows act on columns; a cell counts the states that must act) and a list of the cells. Pure. */
export function describeAtlas(atlas: Atlas): string[] {
  const involved = new Set(atlas.cells.flatMap((c) => [c.attacker, c.target]));
  const ids = atlas.states.filter((s) => involved.has(s));
  const count = new Map(atlas.cells.map((c) => [`${c.attacker}>${c.target}`, c.mustAct.length]));
  const width = Math.max(3, ...ids.map((s) => s.length)) + 1;
  const lines = [`Who must act when ${actSentence('ROW', 'COLUMN', atlas.kind)}, ${atlas.date} (${atlas.states.length} states; ${atlas.cells.length} of ${atlas.states.length * (atlas.states.length - 1)} pairs bind someone)`, ''];
  if (!ids.length) return [...lines, `No such act on this day (${actKindText(atlas.kind)}) would bind any third state.`];
  lines.push(' '.repeat(width) + ids.map((s) => s.padStart(width)).join(''));
  for (const a of ids) lines.push(a.padEnd(width) + ids.map((t) => (a === t ? '·' : String(count.get(`${a}>${t}`) ?? '')).padStart(width)).join(''));
  lines.push('', 'Cells:');
  for (const c of atlas.cells) lines.push(`  ${c.attacker} → ${c.target}: ${c.mustAct.join(', ')}`);
  return lines;
}
