import { availableParallelism } from 'node:os';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { QueryError, ScenarioError } from '../../model/errors.js';
import { readScenarioText } from '../../model/load.js';
import { parseOverlays, type Overlay } from '../../sim/overlay.js';
import { MAX_THREADS, type RunControl } from '../../sim/parallel.js';
import { parseParameterOption, PARAMETERS } from '../../sim/parameters.js';
import { runSimulation } from '../../sim/run.js';
import { MAX_SEED } from '../../sim/random.js';
import { prepareAct, type SimulationReport } from '../../sim/simulate.js';
import { action, dayOption, EXIT, io, printJson, printLines, scenarioFrom, setExitCode, withCommonOptions } from '../output.js';
import { actSentence } from '../../law/act-kinds.js';
import { actQueryOf } from '../../law/request.js';
import { collect, repeat, requestFrom, withActKindOptions, type ActOptions } from './act-options.js';
import type { Named } from '../../world/names.js';


/** Options shared by `simulate` and `whatif`. */
export interface SimOptions extends ActOptions {
  runs: string;
  seed: string;
  threads: string;
  param?: string[];
  progress?: boolean;
  scenario?: string;
  json?: boolean;
}

/** Adds the options every simulator command takes. */
export function withSimOptions(command: Command): Command {
  return withCommonOptions(
    withActKindOptions(command, 'default: drawn per sample, see sim-p-league-finding')
      .option('--at <day>', 'the day of the attack, YYYY-MM-DD')
      .option('--attacker <ids>', 'attacker(s), comma-separated (COW abbreviations: GMY, ITA …)', collect)
      .option('--target <id>', 'the state attacked')
      .option('--theatre <territory>', 'the territory fought over (default: the target\'s own)')
      .option('--runs <n>', 'Monte Carlo samples', '100000')
      .option('--seed <s>', `random seed, 0 to ${MAX_SEED}`, '1')
      .option('--threads <t>', 'worker threads (the result is the same for any number)', '1')
      .option('--param <name=value>', 'override a simulator parameter (repeatable); `casus simulate --list-params` lists them', repeat)
      .option('--abstain <id>', 'a state that does not honour its obligations (repeatable)', collect)
      .option('--transit <grantor:grantee>', 'GRANTOR lets GRANTEE\'s forces pass (repeatable)', repeat)
      .option('--provoked', 'assume the target provoked the attack')
      .option('--reading <name=bool>', 'override a reading parameter of the resolver (repeatable)', repeat)
      .option('--progress', 'draw the progress bar on stderr even when it is not a terminal')
      .option('--no-progress', 'never draw the progress bar'),
  );
}

/** A whole number option within bounds, or a QueryError naming the option. */
export function wholeOption(text: string, option: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) throw new QueryError(`${option} must be a whole number from ${min} to ${max}, not "${text}"`);
  return value;
}

/** The act, assumptions, parameters, size and seed the options describe. Throws QueryError on a bad one. */
export function simInputFrom(options: SimOptions, actors: readonly Named[]) {
  // States may be named ("Germany") as well as given by id; the lookup says which name it missed.
  const { act, assumptions } = actQueryOf(actors, requestFrom(options));
  return {
    act,
    assumptions,
    parameters: Object.fromEntries((options.param ?? []).map(parseParameterOption)),
    runs: wholeOption(options.runs, '--runs', 1, 1e10),
    seed: wholeOption(options.seed, '--seed', 0, MAX_SEED),
    threads: wholeOption(options.threads, '--threads', 1, Math.max(MAX_THREADS, availableParallelism())),
  };
}

/** Reads overlay files; throws QueryError naming the file. */
export function overlaysFrom(files: readonly string[]): Overlay[] {
  return files.flatMap((file) => {
    let text: string;
    try {
      // Refuses a FIFO or device (which would block), an oversized file, and text that is not UTF-8.
      text = readScenarioText(file);
    } catch (error) {
      if (error instanceof ScenarioError) throw new QueryError(error.issues.map((i) => `${i.file}: ${i.message}`).join('\n'));
      throw error;
    }
    return parseOverlays(text, file);
  });
}

/**
 * Runs `work` with a progress bar on stderr and Ctrl-C wired to stop it cleanly; reports the
 * time taken on stderr. The first Ctrl-C stops between chunks; a second one exits at once.
 */
export async function withRunControl<T>(options: SimOptions, total: number, threads: number, what: string, work: (control: RunControl) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(EXIT.interrupted);
    process.stderr.write('\ncasus: interrupted; finishing the chunks under way (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  const draw = options.progress === true || (options.progress !== false && process.stderr.isTTY === true);
  const bar = draw ? new SingleBar({ stream: process.stderr, noTTYOutput: options.progress === true && !process.stderr.isTTY, format: `${what} [{bar}] {percentage}% | {value}/{total} samples | {eta_formatted} left`, etaBuffer: 20 }, Presets.shades_classic) : undefined;
  bar?.start(total, 0);
  const started = performance.now();
  try {
    const result = await work({ threads, signal: abort.signal, onProgress: (done) => bar?.update(done) });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    io().stderr.write(`casus: ${what}: ${seconds.toFixed(2)} s on ${threads} thread${threads > 1 ? 's' : ''}${abort.signal.aborted ? ' (interrupted)' : ''}\n`);
    if (abort.signal.aborted) setExitCode(EXIT.interrupted);
    return result;
  } finally {
    bar?.stop();
    process.off('SIGINT', onSigint);
  }
}

/** `casus simulate`: the probability that the attacker is deterred, and who decides it. */
export function registerSimulate(program: Command): void {
  withSimOptions(program.command('simulate').description('Monte Carlo of who honours their commitments when ATTACKER attacks TARGET on a day, and whether that deters'))
    .option('--overlay <file>', 'a counterfactual overlay (YAML or JSON) applied to the scenario first (repeatable)', repeat)
    .option('--list-params', 'list the simulator\'s parameters with defaults, ranges and rationale, and exit')
    .action(
      action(async (options: SimOptions & { overlay?: string[]; listParams?: boolean }) => {
        if (options.listParams) {
          if (options.json) printJson(PARAMETERS);
          else printLines(PARAMETERS.flatMap((p) => [`${p.name} = ${p.default}   [${p.min}, ${p.max}]`, `    ${p.doc}`]));
          return;
        }
        const scenario = scenarioFrom(options);
        const input = simInputFrom(options, scenario.actors);
        const prepared = prepareAct({ scenario, act: input.act, assumptions: input.assumptions, parameters: input.parameters, overlays: overlaysFrom(options.overlay ?? []) });
        const report = await withRunControl(options, input.runs, input.threads, 'simulate', (control) => runSimulation(prepared, input.runs, input.seed, control));
        if (options.json) printJson(report);
        else printLines(describeSimulation(report));
      }),
    );
}

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;
const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

/** A simulation report as lines for a person. Pure. */
export function describeSimulation(r: SimulationReport): string[] {
  const lines = [
    `${actSentence(r.act.attackers.join(', '), r.act.target, r.act.kind)} on ${r.act.date}: ${r.runs.toLocaleString('en-US')} samples, seed ${r.seed}${r.interrupted ? ' (interrupted: partial result)' : ''}`,
    `P(deterrence) = ${r.deterrence.p.toFixed(4)}  95% CI [${r.deterrence.ci[0].toFixed(4)}, ${r.deterrence.ci[1].toFixed(4)}]${r.deterrence.exact !== undefined ? `  (exact ${r.deterrence.exact.toFixed(4)})` : ''}`,
    r.league.finding === 'drawn' ? `The League finds aggression in a share ${r.league.p} of samples (sim-p-league-finding; --league-finding fixes it)` : `League finding: ${r.league.finding}`,
    `Deterred when the defenders weigh at least ${r.balance.deterrenceRatio} × the attacker's side (CINC × effectiveness × reach); mean ratio ${r.balance.meanRatio.toFixed(3)}`,
    '',
    `  ${'state'.padEnd(6)} ${'side'.padEnd(9)} ${'honour'.padStart(7)} ${'fight'.padStart(7)} ${'reach'.padEnd(7)} ${'strength'.padStart(8)}  pivotality [95% CI]`,
  ];
  for (const s of r.states) {
    const piv = s.pivotality ? `${signed(s.pivotality.delta)} [${signed(s.pivotality.ci[0])}, ${signed(s.pivotality.ci[1])}]` : '—';
    lines.push(`  ${s.state.padEnd(6)} ${s.side.padEnd(9)} ${pct(s.pHonour).padStart(7)} ${pct(s.pFight).padStart(7)} ${(s.reach ?? '').padEnd(7)} ${s.strength.toFixed(4).padStart(8)}  ${piv}`);
  }
  for (const s of r.states) if (s.reachNeeds) lines.push(`  (${s.state} reaches by ${s.reach} only when ${s.reachNeeds.join(' and ')} fight${s.reachNeeds.length > 1 ? '' : 's'}; otherwise ${s.reachOtherwise})`);
  lines.push('', 'Coalitions (most likely first)');
  for (const c of r.coalitions.slice(0, 10)) lines.push(`  ${pct(c.p).padStart(6)}  ${c.members.join(' ')}  vs  ${c.withAttacker.join(' ')}  — ${c.deterred ? 'deters' : 'does not deter'}`);
  const more = r.coalitions.length - 10 + (r.otherCoalitions?.count ?? 0);
  if (more > 0) lines.push(`  … ${more} more`);
  if (r.strongest.length) {
    lines.push('', 'Strongest coalitions that can form (exact; share of the weight deterrence needs)');
    for (const c of r.strongest) lines.push(`  ${c.ofNeed.toFixed(2).padStart(6)}  ${c.members.join(' ')}  vs  ${c.withAttacker.join(' ')}  — ${c.deters ? 'deters' : 'does not deter'}`);
  }
  const why = r.states.filter((s) => s.terms?.length);
  if (why.length) {
    lines.push('', 'Why each state honours with that probability (odds ratios on the base rate)');
    for (const s of why) lines.push(`  ${s.state}: ${s.terms!.map((t) => `${t.parameter.replace(/^sim-odds-/, '')} ×${t.odds}`).join(', ')}`);
  }
  return lines;
}
