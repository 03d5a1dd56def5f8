/**
 * The real binary, in a child process: what the in-process runner cannot show. Exit statuses as the
 * shell sees them, help and version on stdout, a JSON document through a pipe, standard input piped in,
 * and Ctrl-C in the middle of a simulation.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, casus, casusBinary } from '../support/casus.js';

const FIXTURE = new URL('../model/fixtures/mini.yaml', import.meta.url).pathname;

describe('the casus binary', () => {
  it('--help lists the commands on stdout and exits 0; --version prints the version', async () => {
    const help = await casusBinary(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['resolve', 'atlas', 'simulate', 'play', 'serve']) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    const version = await casusBinary(['--version']);
    expect(version).toEqual({ code: 0, stdout: '0.1.0\n', stderr: '' });
  });

  it('exits 2 on bad usage and 3 on an invalid scenario, with the message on stderr and nothing on stdout', async () => {
    const usage = await casusBinary(['world', '--at', '1938-02-30', '--scenario', FIXTURE]);
    expect(usage).toEqual({ code: 2, stdout: '', stderr: 'casus: --at: 1938-02-30 does not exist: month 2 of 1938 has 28 days\n' });
    const missing = await casusBinary(['validate', '/nonexistent/scenario.yaml']);
    expect(missing.code).toBe(3);
    expect(missing.stdout).toBe('');
  });

  it('prints through a pipe the same JSON document as the in-process runner', async () => {
    const args = ['resolve', '--scenario', FIXTURE, '--at', '1937-09-28', '--attacker', 'AAA', '--target', 'BBB', '--json'];
    const piped = await casusBinary(args);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe((await casus(...args)).stdout);
  });

  it('stops a simulation on Ctrl-C, reports it interrupted and exits 130', async () => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--runs', '50000000', '--threads', '1', '--progress', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Ctrl-C is wired before the progress bar starts: the bar's first drawing says it is time to interrupt.
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('samples')) resolve();
      });
    });
    child.kill('SIGINT');
    const code = await closed;
    expect(stderr).toMatch(/interrupted/);
    expect(code).toBe(130);
  });
});
