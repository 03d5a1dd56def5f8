/**
 * Two ways to run `casus` in a test, both returning exit code, stdout and stderr, never throwing:
 * `casus` calls the command line in this process (fast: no Node start, modules loaded once a file);
 * `casusBinary` runs the real bin/casus.mjs in a child process, for what only a process shows
 * (exit status, --help, pipes, signals). Keep the second to a few tests.
 */
import { execFile } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/run.js';

export interface CasusRun {
  code: number;
  stdout: string;
  stderr: string;
}

const exec = promisify(execFile);
export const BIN = fileURLToPath(new URL('../../bin/casus.mjs', import.meta.url));

/** A stream that keeps what is written to it, as a pipe would (not a terminal). */
function buffer(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Runs `casus ARGS` in-process; `input` is what standard input holds (a pipe, never a terminal). */
export async function casusWith(args: readonly string[], input = ''): Promise<CasusRun> {
  const stdout = buffer();
  const stderr = buffer();
  const stdin = Readable.from(input === '' ? [] : [input]);
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, stdin, exitCode: 0 });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `casus ARGS` in-process. */
export function casus(...args: string[]): Promise<CasusRun> {
  return casusWith(args);
}

/** Runs the real `casus` binary in a child process, `input` piped to its standard input. */
export async function casusBinary(args: readonly string[], input?: string): Promise<CasusRun> {
  const child = exec(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (input !== undefined) child.child.stdin?.end(input);
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
