import type { Command } from 'commander';
import { alignOn, AXELROD_BENNETT_1936, type Alignment } from '../../align/align.js';
import type { PastWar } from '../../align/propensity.js';
import { readNmc } from '../../data/cow-nmc.js';
import { readWars } from '../../data/cow-wars.js';
import { readImportInputs } from '../../data/import-files.js';
import { importScenario } from '../../data/import.js';
import { hasData } from '../../data/paths.js';
import { yearOf } from '../../model/day.js';
import { QueryError } from '../../model/errors.js';
import type { Scenario } from '../../model/schema.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

/** `casus align --at DAY [--states ID,…] [--k 2] [--imported]`: landscape-theory coalitions. */
export function registerAlign(program: Command): void {
  withCommonOptions(
    program
      .command('align')
      .description("predict coalitions by landscape theory (Axelrod & Bennett 1993): minimise E = Σ s_i s_j p_ij d_ij")
      .requiredOption('--at <day>', 'the day, YYYY-MM-DD')
      .option('--states <ids>', `comma-separated state ids (default: Axelrod & Bennett's 17 of 1936)`)
      .option('--k <n>', 'number of coalitions (exact search for 2, up to 30 states)', '2')
      .option('--imported', 'take treaties and capabilities from COW and ATOP (imported 1816 to the day\'s year); regimes still from the scenario')
      .option('--seed <n>', 'seed of the descents that find runner-up minima and of the heuristic search', '1'),
  ).action(
    action(async (options: { at: string; states?: string; k: string; imported?: boolean; seed: string; scenario?: string; json?: boolean }) => {
      const day = dayOption(options.at, '--at');
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 2 || k > 6) throw new QueryError(`--k: "${options.k}" is not a number of coalitions from 2 to 6`);
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new QueryError(`--seed: "${options.seed}" is not a whole number`);
      const states = options.states ? options.states.split(',').map((s) => s.trim()).filter(Boolean) : [...AXELROD_BENNETT_1936];
      let scenario = scenarioFrom(options);
      if (options.imported) scenario = await withImported(scenario, yearOf(day));
      const known = new Set(scenario.actors.map((a) => a.id));
      const unknown = states.filter((s) => !known.has(s));
      if (unknown.length) throw new QueryError(`unknown state${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in scenario "${scenario.id}"`);
      if (new Set(states).size !== states.length) throw new QueryError('--states lists a state twice');
      const result = alignOn(withNmcSizes(scenario, yearOf(day)), day, states, pastWars(scenario), { k, seed });
      if (options.json) printJson(result);
      else printLines(describeAlignment(result));
    }),
  );
}

/** The scenario with COW's CINC added for the states and years it lacks (when the datasets are there). */
function withNmcSizes(scenario: Scenario, year: number): Scenario {
  if (!hasData()) return scenario;
  const have = new Set(scenario.capabilities.map((c) => `${c.state} ${c.year}`));
  const idOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const added = readNmc().rows.flatMap((r) => {
    const id = idOf.get(r.ccode);
    return id && r.year <= year && r.year >= year - 5 && !have.has(`${id} ${r.year}`) ? [{ state: id, year: r.year, cinc: r.cinc, source: { ref: 'COW NMC v6.0' } }] : [];
  });
  return { ...scenario, capabilities: [...scenario.capabilities, ...added] };
}

/** COW's interstate wars as sides of the scenario's ids (joined on COW codes); none without the datasets. */
function pastWars(scenario: Scenario): PastWar[] {
  if (!hasData()) return [];
  const idOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  return readWars().wars.map((w) => ({
    name: w.name,
    from: w.from,
    until: w.until,
    sides: [1, 2].map((side) => [...new Set(w.participants.filter((p) => p.side === side).flatMap((p) => idOf.get(p.ccode) ?? []))]) as [string[], string[]],
  }));
}

/** An imported COW+ATOP scenario up to `year`, with the regimes of the given scenario's actors. */
async function withImported(base: Scenario, year: number): Promise<Scenario> {
  const ids = new Map(base.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const { scenario } = importScenario(await readImportInputs('all'), { from: 1816, to: year, ids });
  const regimes = new Map(base.actors.map((a) => [a.id, a.regimes]));
  return { ...scenario, actors: scenario.actors.map((a) => ({ ...a, regimes: regimes.get(a.id) ?? a.regimes })), events: [...scenario.events, ...base.events.filter((e) => e.kind !== 'war')] };
}

/** The alignment for a person. Pure. */
export function describeAlignment(a: Alignment): string[] {
  const lines = [`Landscape on ${a.at}: ${a.states.length} states, ${a.k} coalitions (${a.method}, ${a.searched.toLocaleString('en')} ${a.method === 'exact' ? 'configurations' : 'descents'})`];
  a.coalitions.forEach((c, i) => lines.push(`  ${String.fromCharCode(65 + i)}: ${c.join(' ')}`));
  lines.push(`  energy ${a.energy.toFixed(6)}`);
  if (a.runnersUp.length) lines.push(`Runner-up minima (${a.runnersUpMethod})`);
  for (const r of a.runnersUp) lines.push(`  ${r.energy.toFixed(6)}  ${r.coalitions.map((c) => c.join(' ')).join('  |  ')}`);
  if (a.gaps.length) lines.push(`Gaps in the data: ${a.gaps.join('; ')}`);
  return lines;
}
