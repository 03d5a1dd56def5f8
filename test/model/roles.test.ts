/** Issue 11: the fields that say what makes a provision special — `role` and `level` — and what the checks refuse. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError, type Issue } from '../../src/model/errors.js';
import { parseScenario } from '../../src/model/parse.js';

const MINI = readFileSync(new URL('./fixtures/mini.yaml', import.meta.url), 'utf8');
const PROVISION = '- { id: p1, kind: defence, conditions: [{ type: unprovoked }, { type: league-finding, reading: strict-reading }] }';

function issuesOf(text: string): Issue[] {
  try {
    parseScenario(text, 'test.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

const withProvision = (p: string) => {
  expect(MINI).toContain(PROVISION);
  return MINI.replace(PROVISION, `${PROVISION}\n      ${p}`);
};

describe('provision role and level', () => {
  it('reads a role and a staff-talks level', () => {
    const s = parseScenario(withProvision('- { id: p2, kind: nonaggression, role: war-renunciation }\n      - { id: p3, kind: military-convention, level: staff-talks }'), 'test.yaml');
    expect(s.treaties[0]!.provisions.map((p) => [p.id, p.role, p.level])).toEqual([
      ['p1', undefined, undefined],
      ['p2', 'war-renunciation', undefined],
      ['p3', undefined, 'staff-talks'],
    ]);
  });

  it('refuses a role that is not one of the roles, naming the path', () => {
    const issues = issuesOf(withProvision('- { id: p2, kind: nonaggression, role: kellogg-briand }'));
    expect(issues).toContainEqual(expect.objectContaining({ path: ['treaties', 0, 'provisions', 1, 'role'] }));
    expect(issues[0]!.message).toMatch(/league-covenant.*war-renunciation/);
  });

  it('refuses a level on anything but a military convention', () => {
    const issues = issuesOf(withProvision('- { id: p2, kind: defence, level: staff-talks }'));
    expect(issues).toContainEqual(expect.objectContaining({ path: ['treaties', 0, 'provisions', 1, 'level'], message: 'level "staff-talks" is for a military-convention, not a defence' }));
  });
});
