/** The in-process runner itself: each run keeps its own output and exit code, and leaves the process's alone. */
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';

const FIXTURE = new URL('../model/fixtures/mini.yaml', import.meta.url).pathname;

describe('runCli in-process', () => {
  it('keeps the output and exit code of runs made at once apart, and never sets the process\'s exit code', async () => {
    const before = process.exitCode;
    const [ok, usage, missing] = await Promise.all([
      casus('world', '--at', '1936-04-01', '--scenario', FIXTURE, '--json'),
      casus('world', '--at', '1938-02-30', '--scenario', FIXTURE),
      casus('validate', '/nonexistent/scenario.yaml', '--json'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).date).toBe('1936-04-01');
    expect(usage).toEqual({ code: 2, stdout: '', stderr: 'casus: --at: 1938-02-30 does not exist: month 2 of 1938 has 28 days\n' });
    expect(missing.code).toBe(3);
    expect(missing.stdout).toMatch(/cannot be read: ENOENT/);
    expect(process.exitCode).toBe(before);
  });

  it('prints help on the run\'s stdout with exit 0, and a usage error on its stderr with exit 2', async () => {
    const help = await casus('resolve', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: casus resolve \[options\]/);
    const missing = await casus('resolve', '--at', '1938-09-28');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--attacker <ids>' not specified/);
  });
});
