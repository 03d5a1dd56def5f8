import type { Command } from 'commander';
import { QueryError } from '../../model/errors.js';
import { runSensitivity } from '../../sim/run.js';
import { candidateOverlays, type SensitivityReport } from '../../sim/sensitivity.js';
import { prepareAct } from '../../sim/simulate.js';
import { action, printJson, printLines, scenarioFrom } from '../output.js';
import { overlaysFrom, simInputFrom, withRunControl, withSimOptions, type SimOptions } from './simulate.js';

/** `casus whatif`: which single counterfactual change moves the probability of deterrence most. */
export function registerWhatif(program: Command): void {
  withSimOptions(program.command('whatif').description('rank single counterfactual changes by how much they move the probability that ATTACKER is deterred'))
    .option('--candidates <file>', 'overlays to rank (YAML or JSON: one overlay or a list)')
    .option('--auto', 'generate candidates from the act: missing conventions, refused transits, reluctant governments, strong states that owe the target nothing (the default)')
    .action(
      action(async (options: SimOptions & { candidates?: string; auto?: boolean }) => {
        if (options.candidates && options.auto) throw new QueryError('give --candidates FILE or --auto, not both');
        const scenario = scenarioFrom(options);
        const input = simInputFrom(options, scenario.actors);
        const simInput = { scenario, act: input.act, assumptions: input.assumptions, parameters: input.parameters };
        const candidates = options.candidates ? overlaysFrom([options.candidates]) : candidateOverlays(prepareAct(simInput));
        const report = await withRunControl(options, input.runs, input.threads, 'whatif', (control) => runSensitivity(simInput, candidates, input.runs, input.seed, control));
        if (options.json) printJson(report);
        else printLines(describeSensitivity(report));
      }),
    );
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;

/** A sensitivity report as lines for a person. Pure. */
export function describeSensitivity(r: SensitivityReport): string[] {
  const lines = [
    `${r.act.attackers.join(', ')} attacks ${r.act.target} on ${r.act.date}: ${r.runs.toLocaleString('en-US')} samples per variant, seed ${r.seed}, common random numbers${r.interrupted ? ' (interrupted: partial result)' : ''}`,
    `Baseline P(deterrence) = ${r.baseline.p.toFixed(4)}  95% CI [${r.baseline.ci[0].toFixed(4)}, ${r.baseline.ci[1].toFixed(4)}]; mean balance ratio ${r.baseline.meanRatio.toFixed(3)}`,
    '',
  ];
  // The change column is as wide as the longest title, so no title is ever cut short.
  const width = Math.max('change'.length, ...r.candidates.map((c) => c.title.length));
  lines.push(`  ${'change'.padEnd(width)} ${'P(det)'.padStart(7)} ${'Δ'.padStart(8)}  ${'95% CI of Δ'.padEnd(19)}  Δ ratio`);
  for (const c of r.candidates) {
    if (c.error) lines.push(`  ${c.title.padEnd(width)} cannot apply: ${c.error.split('\n')[0]}`);
    else lines.push(`  ${c.title.padEnd(width)} ${c.p.toFixed(4).padStart(7)} ${signed(c.delta).padStart(8)}  [${signed(c.deltaCi[0])}, ${signed(c.deltaCi[1])}]  ${c.deltaRatio >= 0 ? '+' : ''}${c.deltaRatio.toFixed(3)}`);
  }
  return lines;
}
