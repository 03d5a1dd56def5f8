import type { Command } from 'commander';
import { stateIdsOf } from '../../world/names.js';
import { worldAt } from '../../world/world.js';
import { explain, summarize } from '../../law/explain.js';
import { leanResolution, universalTreatiesOf } from '../../law/lean.js';
import { resolveLean } from '../../law/lean-resolve.js';
import { resolve } from '../../law/resolve.js';
import type { Resolution } from '../../law/types.js';
import { action, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';
import { actQueryOf } from '../../law/request.js';
import { collect, repeat, requestFrom, withActKindOptions, type ActOptions } from './act-options.js';

// The act's flags were defined here first; other commands and tests still import them from here.
export { assumptionsFrom, kindOption, leagueFindingOption, readingOption, transitOption, withActKindOptions } from './act-options.js';

interface ResolveOptions extends ActOptions {
  explain?: boolean;
  all?: boolean;
  state?: string[];
  scenario?: string;
  json?: boolean;
}

function withoutExplanation(r: Resolution): Omit<Resolution, 'explanation'> {
  const { explanation: _e, ...rest } = r;
  return rest;
}

/** `casus resolve`: who is bound, on what condition, who breaches what and who can reach, for one act. */
export function registerResolve(program: Command): void {
  withCommonOptions(
    withActKindOptions(program.command('resolve'), 'default: not assumed either way: pending')
      .description('who is bound to act when ATTACKER attacks TARGET on a day, on what condition, who breaches what, who can reach')
      .requiredOption('--at <day>', 'the day, YYYY-MM-DD')
      .requiredOption('--attacker <ids>', 'attacker(s), comma-separated: COW ids or names (GMY, Germany, italy …)', collect)
      .requiredOption('--target <id>', 'the state attacked: a COW id or a name (CZE, Czechoslovakia)')
      .option('--theatre <territory>', 'the territory fought over (default: the target\'s own)')
      .option('--abstain <id>', 'a state that does not honour its obligations (repeatable)', collect)
      .option('--transit <grantor:grantee>', 'GRANTOR lets GRANTEE\'s forces pass (repeatable)', repeat)
      .option('--provoked', 'assume the target provoked the attack')
      .option('--reading <name=bool>', 'override a reading parameter, e.g. fr-su-waits-for-league=false (repeatable)', repeat)
      .option('--explain', 'print the whole explanation tree (with --json: include it)')
      .option('--all', 'with --json: every obligation of universal treaties (Covenant, Kellogg-Briand) state by state, not one line per treaty')
      .option('--state <id>', 'with --explain: only these states\' branches (repeatable)', collect),
  ).action(
    action((options: ResolveOptions) => {
      const request = requestFrom(options);
      const scenario = scenarioFrom(options);
      // States may be named ("Germany", "soviet union") as well as given by id.
      const { act, assumptions } = actQueryOf(scenario.actors, request);
      const world = worldAt(scenario, act.date, assumptions.readings);
      const explained = options.explain === true;
      // The default JSON answer is built lean directly (src/law/lean-resolve.ts), byte-equal to leanResolution(resolve(...)).
      if (options.json && !options.all && !explained) return printJson(resolveLean(world, act, assumptions, universalTreatiesOf(scenario)));
      const resolution = resolve(world, act, assumptions, { explain: explained });
      if (options.json) printJson(options.all ? (explained ? resolution : withoutExplanation(resolution)) : leanResolution(resolution, universalTreatiesOf(scenario), { explain: explained }));
      else if (explained) printLines(explain(resolution, options.state && stateIdsOf(scenario.actors, options.state, '--state')));
      else printLines(summarize(resolution));
    }),
  );
}
