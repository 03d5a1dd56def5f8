/** `casus resolve --kind` and `--league-finding [outcome]` as a user meets them, bad values included. */
import { describe, expect, it } from 'vitest';
import { casus } from '../support/casus.js';

describe('casus resolve --kind and --league-finding', () => {
  it('resolves Memel as a cession: no breach, and says what the act was', async () => {
    const { code, stdout } = await casus('resolve', '--at', '1939-03-22', '--attacker', 'GMY', '--target', 'LIT', '--theatre', 'memel', '--kind', 'cession');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^GMY takes territory from LIT by a cession under a signed treaty in memel on 1939-03-22/);
    expect(stdout).toMatch(/No breaches\./);
  });

  it('takes the Council\'s three outcomes: bare is aggression, no-decision binds the Soviets, --no-league-finding is a finding of none', async () => {
    const base = ['resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--json'];
    const outcome = async (...flag: string[]) => JSON.parse((await casus(...base, ...flag)).stdout) as { assumptions: { leagueFinding?: string }; states: { state: string; mustAct: boolean }[] };
    const bare = await outcome('--league-finding');
    expect(bare.assumptions.leagueFinding).toBe('aggression');
    const none = await outcome('--league-finding', 'no-decision');
    expect(none.states.find((s) => s.state === 'RUS')!.mustAct).toBe(true);
    const otherwise = await outcome('--no-league-finding');
    expect(otherwise.assumptions.leagueFinding).toBe('otherwise');
    expect(otherwise.states.find((s) => s.state === 'RUS')!.mustAct).toBe(false);
  });

  it('names a kind or an outcome that does not exist, exit 2, nothing printed on stdout', async () => {
    const kind = await casus('resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--kind', 'annexation');
    expect(kind.code).toBe(2);
    expect(kind.stdout).toBe('');
    expect(kind.stderr).toMatch(/--kind "annexation": expected attack, occupation, remilitarisation, cession, declaration, intervention/);
    const finding = await casus('resolve', '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--league-finding', 'perhaps');
    expect(finding.code).toBe(2);
    expect(finding.stderr).toMatch(/--league-finding "perhaps": expected aggression, no-decision, otherwise/);
  });
});
