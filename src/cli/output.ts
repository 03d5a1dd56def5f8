/** What every command shares: the scenario option, JSON output, and errors that end in a meaningful exit code. */
import type { Command } from 'commander';
import { isDay, dayProblem } from '../model/day.js';
import { QueryError, ScenarioError } from '../model/errors.js';
import { loadBuiltInScenario, loadScenarioFile } from '../model/load.js';
import type { Scenario } from '../model/schema.js';

/** Exit codes: 0 success, 1 unexpected failure, 2 bad usage or a question that makes no sense, 3 an invalid scenario, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, invalidScenario: 3, interrupted: 130 } as const;

/** Adds `--scenario FILE` and `--json` to a command. */
export function withCommonOptions(command: Command): Command {
  return command
    .option('--scenario <file>', 'a scenario file (YAML or JSON) instead of the built-in interwar scenario')
    .option('--json', 'print one JSON document on stdout');
}

/** The scenario a command works on: the named file or the built-in one. */
export function scenarioFrom(options: { scenario?: string }): Scenario {
  return options.scenario ? loadScenarioFile(options.scenario) : loadBuiltInScenario();
}

/** Parses a `--at`-style day option, or throws a usage error naming the option. */
export function dayOption(value: string | undefined, option: string): string {
  if (value === undefined) throw new QueryError(`${option} DAY is required`);
  if (!isDay(value)) throw new QueryError(`${option}: ${dayProblem(value)}`);
  return value;
}

/** Writes a JSON document to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes lines of text to stdout. */
export function printLines(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * Wraps a command action: known errors become a message on stderr and their exit code;
 * anything else is a bug, reported as such with exit code 1.
 */
export function action<A extends unknown[]>(run: (...args: A) => void | Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      process.exitCode = reportError(error);
    }
  };
}

/** Prints an error for a person and returns the exit code it means. */
export function reportError(error: unknown): number {
  if (error instanceof ScenarioError) {
    process.stderr.write(`casus: invalid scenario\n${error.message}\n`);
    return EXIT.invalidScenario;
  }
  if (error instanceof QueryError || error instanceof RangeError) {
    process.stderr.write(`casus: ${error.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`casus: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}
