/** `casus resolve --json` answers lean; `--all` lists universal treaties state by state; `--explain` adds the tree. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/casus.mjs', import.meta.url));
const munich = ['resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--json'];
const treatiesOf = (r: { states: { obligations: { treaty: string }[] }[] }) => new Set(r.states.flatMap((s) => s.obligations.map((o) => o.treaty)));

describe('casus resolve --json: lean and full', () => {
  it('gives one line per universal provision, and no explanation, by default', async () => {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...munich], { encoding: 'utf8' });
    expect(stderr).toBe('');
    const lean = JSON.parse(stdout);
    expect(lean.explanation).toBeUndefined();
    expect(treatiesOf(lean).has('covenant')).toBe(false);
    expect(lean.universal.map((g: { summary: string }) => g.summary)).toContainEqual(expect.stringMatching(/members of the League of Nations: sanctions toward CZE against GMY/));
  });

  it('lists every obligation state by state with --all, and the explanation with --explain', async () => {
    const { stdout } = await run(process.execPath, [BIN, ...munich, '--all', '--explain'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const full = JSON.parse(stdout);
    expect(full.universal).toBeUndefined();
    expect(treatiesOf(full).has('covenant')).toBe(true);
    expect(full.explanation.length).toBeGreaterThan(0);
  });
});
