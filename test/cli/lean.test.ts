/** `casus resolve --json` answers lean; `--all` lists universal treaties state by state; `--explain` adds the tree. */
import { describe, expect, it } from 'vitest';
import { casusWith } from '../support/casus.js';
const munich = ['resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--json'];
const treatiesOf = (r: { states: { obligations: { treaty: string }[] }[] }) => new Set(r.states.flatMap((s) => s.obligations.map((o) => o.treaty)));

describe('casus resolve --json: lean and full', () => {
  it('gives one line per universal provision, and no explanation, by default', async () => {
    const { code, stdout, stderr } = await casusWith(munich);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lean = JSON.parse(stdout);
    expect(lean.explanation).toBeUndefined();
    expect(treatiesOf(lean).has('covenant')).toBe(false);
    expect(lean.universal.map((g: { summary: string }) => g.summary)).toContainEqual(expect.stringMatching(/members of the League of Nations: sanctions toward CZE against GMY/));
  });

  it('lists every obligation state by state with --all, and the explanation with --explain', async () => {
    const { stdout } = await casusWith([...munich, '--all', '--explain']);
    const full = JSON.parse(stdout);
    expect(full.universal).toBeUndefined();
    expect(treatiesOf(full).has('covenant')).toBe(true);
    expect(full.explanation.length).toBeGreaterThan(0);
  });
});
