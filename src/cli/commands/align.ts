import type { Command } from 'commander';
import { alignOn, AXELROD_BENNETT_1936 } from '../../align/align.js';
import { describeAlignment, describeDrift, describeVariants } from '../../align/describe.js';
import { alignAcross, parseStep } from '../../align/drift.js';
import { VARIANTS, type Variant } from '../../align/propensity.js';
import { describeScore, REFERENCES, scoreAlignment } from '../../align/score.js';
import { describeStability, referenceStability } from '../../align/stability.js';
import { readNmc } from '../../data/cow-nmc.js';
import { readImportInputs } from '../../data/import-files.js';
import { importScenario } from '../../data/import.js';
import { hasData } from '../../data/paths.js';
import { yearOf } from '../../model/day.js';
import { QueryError } from '../../model/errors.js';
import type { Scenario } from '../../model/schema.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

export { describeAlignment } from '../../align/describe.js';

interface AlignOptions {
  at?: string;
  from?: string;
  to?: string;
  step: string;
  states?: string;
  k: string;
  imported?: boolean;
  seed: string;
  variant: string;
  variants?: boolean;
  score?: string;
  scenario?: string;
  json?: boolean;
}

/** `casus align --at DAY | --from DAY --to DAY [--step 3m] [--score ab1993] [--variant NAME] [--variants]`: landscape-theory coalitions. */
export function registerAlign(program: Command): void {
  withCommonOptions(
    program
      .command('align')
      .description("predict coalitions by landscape theory (Axelrod & Bennett 1993): minimise E = Σ s_i s_j p_ij d_ij")
      .option('--at <day>', 'the day, YYYY-MM-DD')
      .option('--from <day>', 'first day of a run across time (with --to)')
      .option('--to <day>', 'last day of a run across time (inclusive)')
      .option('--step <step>', 'step of a run across time: 3m, 1y, 10d', '3m')
      .option('--states <ids>', `comma-separated state ids (default: Axelrod & Bennett's 17 of 1936)`)
      .option('--k <n>', 'number of coalitions (exact search for 2, up to 30 states)', '2')
      .option('--variant <name>', `propensity variant: ${Object.keys(VARIANTS).join(', ')}`, 'ab1993')
      .option('--variants', 'with --at and --score: run every variant and score each')
      .option('--score <reference>', `score against a published alignment: ${Object.keys(REFERENCES).join(', ')}`)
      .option('--imported', "take treaties and capabilities from COW and ATOP (imported 1816 to the day's year); regimes and propensity terms still from the scenario")
      .option('--seed <n>', 'seed of the descents that find runner-up minima and of the heuristic search', '1'),
  ).action(
    action(async (options: AlignOptions) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 2 || k > 6) throw new QueryError(`--k: "${options.k}" is not a number of coalitions from 2 to 6`);
      const seed = Number(options.seed);
      if (!Number.isInteger(seed) || seed < 0) throw new QueryError(`--seed: "${options.seed}" is not a whole number`);
      if (!(options.variant in VARIANTS)) throw new QueryError(`--variant: "${options.variant}" is not one of ${Object.keys(VARIANTS).join(', ')}`);
      const variant = options.variant as Variant;
      const reference = options.score === undefined ? undefined : REFERENCES[options.score];
      if (options.score !== undefined && !reference) throw new QueryError(`--score: "${options.score}" is not one of ${Object.keys(REFERENCES).join(', ')}`);
      const across = options.from !== undefined || options.to !== undefined;
      if (across && options.at !== undefined) throw new QueryError('give --at, or --from and --to, not both');
      if (!across && options.at === undefined) throw new QueryError('give --at DAY, or --from DAY --to DAY');
      if (options.variants && (across || !reference)) throw new QueryError('--variants goes with --at and --score');
      const from = across ? dayOption(options.from ?? '', '--from') : dayOption(options.at, '--at');
      const to = across ? dayOption(options.to ?? '', '--to') : from;
      const step = parseStep(options.step);
      const states = options.states ? options.states.split(',').map((s) => s.trim()).filter(Boolean) : [...AXELROD_BENNETT_1936];
      let scenario = scenarioFrom(options);
      if (options.imported) scenario = await withImported(scenario, yearOf(to));
      const known = new Set(scenario.actors.map((a) => a.id));
      const unknown = states.filter((s) => !known.has(s));
      if (unknown.length) throw new QueryError(`unknown state${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} in scenario "${scenario.id}"`);
      if (new Set(states).size !== states.length) throw new QueryError('--states lists a state twice');
      scenario = withNmcSizes(scenario, yearOf(from), yearOf(to));

      if (across) {
        const steps = alignAcross(scenario, from, to, step, states, { k, seed, variant });
        const scores = reference ? steps.map((s) => scoreAlignment(s.alignment, reference)) : undefined;
        if (options.json) printJson({ from, to, step: options.step, variant, steps: steps.map((s, i) => (scores ? { ...s, score: scores[i] } : s)) });
        else printLines(describeDrift(steps, scores));
        return;
      }
      if (options.variants && reference) {
        const rows = (Object.keys(VARIANTS) as Variant[]).map((v) => {
          const alignment = alignOn(scenario, from, states, { k, seed, variant: v });
          return { variant: v, doc: VARIANTS[v].doc, alignment, score: scoreAlignment(alignment, reference) };
        });
        if (options.json) printJson({ at: from, reference: reference.id, variants: rows });
        else printLines(describeVariants(rows));
        return;
      }
      const result = alignOn(scenario, from, states, { k, seed, variant });
      const score = reference ? scoreAlignment(result, reference) : undefined;
      const stability = reference ? referenceStability(result, reference) : undefined;
      if (options.json) printJson(score ? { ...result, score, stability } : result);
      else printLines([...describeAlignment(result), ...(score && reference ? describeScore(score, reference) : []), ...(stability ? describeStability(stability) : [])]);
    }),
  );
}

/** The scenario with COW's CINC added for the states and years it lacks (when the datasets are there). */
function withNmcSizes(scenario: Scenario, first: number, last: number): Scenario {
  if (!hasData()) return scenario;
  const have = new Set(scenario.capabilities.map((c) => `${c.state} ${c.year}`));
  const idOf = new Map(scenario.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const added = readNmc().rows.flatMap((r) => {
    const id = idOf.get(r.ccode);
    return id && r.year <= last && r.year >= first - 5 && !have.has(`${id} ${r.year}`) ? [{ state: id, year: r.year, cinc: r.cinc, source: { ref: 'COW NMC v6.0' } }] : [];
  });
  return { ...scenario, capabilities: [...scenario.capabilities, ...added] };
}

/** An imported COW+ATOP scenario up to `year`, with the regimes and propensity records of the given scenario. */
async function withImported(base: Scenario, year: number): Promise<Scenario> {
  const ids = new Map(base.actors.filter((a) => a.ccode !== undefined).map((a) => [a.ccode!, a.id]));
  const { scenario } = importScenario(await readImportInputs('all'), { from: 1816, to: year, ids });
  const regimes = new Map(base.actors.map((a) => [a.id, a.regimes]));
  return {
    ...scenario,
    actors: scenario.actors.map((a) => ({ ...a, regimes: regimes.get(a.id) ?? a.regimes })),
    events: [...scenario.events, ...base.events.filter((e) => e.kind !== 'war')],
    societies: base.societies,
    kin: base.kin,
    disputes: base.disputes,
    wars: base.wars,
  };
}
