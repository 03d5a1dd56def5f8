/** What every command shares: the scenario option, JSON output, and errors that end in a meaningful exit code. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Command } from 'commander';
import { isDay, dayProblem } from '../model/day.js';
import { QueryError, ScenarioError } from '../model/errors.js';
import { loadBuiltInScenario, loadScenarioFile } from '../model/load.js';
import type { Scenario } from '../model/schema.js';

/** Exit codes: 0 success, 1 unexpected failure, 2 bad usage or a question that makes no sense, 3 an invalid scenario, 130 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, invalidScenario: 3, interrupted: 130 } as const;

/** Where a command's text goes: a terminal's streams, or buffers when a test runs the CLI in-process. */
export type CliSink = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** The streams of one run and its exit code, which commands set instead of touching the process. */
export interface CliIo {
  stdout: CliSink;
  stderr: CliSink;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  exitCode: number;
}

const current = new AsyncLocalStorage<CliIo>();

/** The process's own streams: what a command writes to outside any run (a stray call in a library, say). */
const processIo = (): CliIo => ({ stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, exitCode: 0 });

/** The streams of the run under way; each run has its own, so in-process runs never mix their output. */
export function io(): CliIo {
  return current.getStore() ?? processIo();
}

/** Runs `work` with `streams` as the streams of every command it calls. */
export function withIo<T>(streams: CliIo, work: () => Promise<T>): Promise<T> {
  return current.run(streams, work);
}

/** Sets the exit code of the run under way (the process's, outside any run). */
export function setExitCode(code: number): void {
  const run = current.getStore();
  if (run) run.exitCode = code;
  else process.exitCode = code;
}

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
  io().stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Writes lines of text to stdout. */
export function printLines(lines: readonly string[]): void {
  io().stdout.write(`${lines.join('\n')}\n`);
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
      setExitCode(reportError(error));
    }
  };
}

/** Prints an error for a person and returns the exit code it means. */
export function reportError(error: unknown): number {
  if (error instanceof ScenarioError) {
    io().stderr.write(`casus: invalid scenario\n${error.message}\n`);
    return EXIT.invalidScenario;
  }
  if (error instanceof QueryError || error instanceof RangeError) {
    io().stderr.write(`casus: ${error.message}\n`);
    return EXIT.usage;
  }
  io().stderr.write(`casus: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT.failure;
}
