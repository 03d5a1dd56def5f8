import type { Command } from 'commander';
import { describeRegister, readingsRegister } from '../../law/readings.js';
import { action, printJson, printLines, scenarioFrom, withCommonOptions } from '../output.js';

/** `casus readings`: every clause the model reads one way of two, with the default, why, and who holds the other. */
export function registerReadings(program: Command): void {
  withCommonOptions(program.command('readings').description('the readings register: each clause read two ways, quoted, the default and why, the alternative and who holds it')).action(
    action((options: { scenario?: string; json?: boolean }) => {
      const register = readingsRegister(scenarioFrom(options));
      if (options.json) printJson({ readings: register });
      else printLines(describeRegister(register));
    }),
  );
}
