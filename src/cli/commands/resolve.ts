import type { Command } from 'commander';
import { QueryError } from '../../model/errors.js';
import { ActKindSchema, LeagueFindingSchema, type ActKind, type LeagueFinding } from '../../model/schema.js';
import { actWithStateIds, stateIdsOf } from '../../world/names.js';
import { worldAt } from '../../world/world.js';
import { explain, summarize } from '../../law/explain.js';
import { leanResolution, universalTreatiesOf } from '../../law/lean.js';
import { resolve } from '../../law/resolve.js';
import type { Assumptions, Resolution } from '../../law/types.js';
import { action, dayOption, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** Parses `GRANTOR:GRANTEE`, or throws a QueryError naming the option. */
export function transitOption(text: string): { grantor: string; grantee: string } {
  // Ids or names: "RUM:RUS", "Romania:Soviet Union".
  const m = /^\s*([A-Za-z][^:]*?)\s*:\s*([A-Za-z][^:]*?)\s*$/.exec(text);
  if (!m) throw new QueryError(`--transit "${text}": expected GRANTOR:GRANTEE, e.g. RUM:RUS or Romania:"Soviet Union"`);
  return { grantor: m[1]!, grantee: m[2]! };
}

/** Parses `NAME=true|false`, or throws a QueryError naming the option. */
export function readingOption(text: string): [string, boolean] {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)=(true|false|on|off)$/.exec(text.trim());
  if (!m) throw new QueryError(`--reading "${text}": expected NAME=true or NAME=false`);
  return [m[1]!, m[2] === 'true' || m[2] === 'on'];
}

/** Parses `--league-finding [outcome]` (bare: aggression) and `--no-league-finding` (otherwise), or throws a QueryError naming the value. */
export function leagueFindingOption(value: string | boolean | undefined): LeagueFinding | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 'aggression' : 'otherwise';
  const parsed = LeagueFindingSchema.safeParse(value.trim());
  if (!parsed.success) throw new QueryError(`--league-finding "${value}": expected ${LeagueFindingSchema.options.join(', ')}`);
  return parsed.data;
}

/** Parses `--kind`, or throws a QueryError naming the value and the kinds there are. */
export function kindOption(value: string | undefined): ActKind | undefined {
  if (value === undefined) return undefined;
  const parsed = ActKindSchema.safeParse(value.trim());
  if (!parsed.success) throw new QueryError(`--kind "${value}": expected ${ActKindSchema.options.join(', ')}`);
  return parsed.data;
}

/** The options `--kind` and `--league-finding`, shared by the commands that take an act. */
export function withActKindOptions(command: Command, noFinding: string): Command {
  return command
    .option('--kind <kind>', `what the act is: ${ActKindSchema.options.join(', ')} (default attack)`)
    .option('--league-finding [outcome]', 'the League Council\'s outcome: aggression (the default when bare), no-decision (no recommendation or no unanimity), otherwise')
    .option('--no-league-finding', `the Council finds no aggression, as --league-finding otherwise (${noFinding})`);
}

interface ResolveOptions {
  at: string;
  attacker: string[];
  target: string;
  theatre?: string;
  kind?: string;
  abstain?: string[];
  transit?: string[];
  reading?: string[];
  leagueFinding?: boolean | string;
  provoked?: boolean;
  explain?: boolean;
  all?: boolean;
  state?: string[];
  scenario?: string;
  json?: boolean;
}

/** The assumptions the resolve-like commands' options state. Throws QueryError on a malformed one. */
export function assumptionsFrom(options: Pick<ResolveOptions, 'abstain' | 'transit' | 'reading' | 'leagueFinding' | 'provoked'>): Assumptions {
  return {
    abstain: options.abstain ?? [],
    transit: (options.transit ?? []).map(transitOption),
    leagueFinding: leagueFindingOption(options.leagueFinding),
    provoked: options.provoked ?? false,
    readings: Object.fromEntries((options.reading ?? []).map(readingOption)),
  };
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
      .option('--transit <grantor:grantee>', 'GRANTOR lets GRANTEE\'s forces pass (repeatable)', (v: string, p: string[] = []) => [...p, v])
      .option('--provoked', 'assume the target provoked the attack')
      .option('--reading <name=bool>', 'override a reading parameter, e.g. fr-su-waits-for-league=false (repeatable)', (v: string, p: string[] = []) => [...p, v])
      .option('--explain', 'print the whole explanation tree (with --json: include it)')
      .option('--all', 'with --json: every obligation of universal treaties (Covenant, Kellogg-Briand) state by state, not one line per treaty')
      .option('--state <id>', 'with --explain: only these states\' branches (repeatable)', collect),
  ).action(
    action((options: ResolveOptions) => {
      const at = dayOption(options.at, '--at');
      const scenario = scenarioFrom(options);
      // States may be named ("Germany", "soviet union") as well as given by id.
      const named = actWithStateIds(scenario.actors, { attackers: options.attacker, target: options.target, ...assumptionsFrom(options) });
      const assumptions = { ...assumptionsFrom(options), abstain: named.abstain, transit: named.transit };
      const world = worldAt(scenario, at, assumptions.readings);
      const explained = options.explain === true;
      const act = { attackers: named.attackers, target: named.target, theatre: options.theatre, date: at, kind: kindOption(options.kind) };
      const resolution = resolve(world, act, assumptions, { explain: explained });
      if (options.json) printJson(options.all ? (explained ? resolution : withoutExplanation(resolution)) : leanResolution(resolution, universalTreatiesOf(scenario), { explain: explained }));
      else if (explained) printLines(explain(resolution, options.state && stateIdsOf(scenario.actors, options.state, '--state')));
      else printLines(summarize(resolution));
    }),
  );
}
