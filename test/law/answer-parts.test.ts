/**
 * Answers share the parts that do not depend on the choices (obligations, explanation nodes, breaches,
 * reach): asking other questions in between never changes an answer, an answer on a fresh world (nothing
 * remembered) equals one on a world asked many times, and the shared parts cannot be changed by a caller.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { universalTreatiesOf } from '../../src/law/lean.js';
import { resolveLean } from '../../src/law/lean-resolve.js';
import { resolve } from '../../src/law/resolve.js';
import type { Act, Assumptions } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import { worldAt, type World } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const universal = universalTreatiesOf(scenario);
const cases = parseCatalogue(readFileSync(fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url)), 'utf8'), 'cases.yaml');

const answers = (world: World, act: Act, assumptions: Assumptions) => JSON.stringify([resolve(world, act, assumptions), resolveLean(world, act, assumptions, universal)]);

describe('shared parts of answers', () => {
  it('leave every catalogue answer unchanged by questions asked in between, and equal to one on a fresh world', () => {
    const worlds = new Map<string, World>();
    for (const c of cases) {
      const { act, assumptions } = caseQuery(c);
      const world = worlds.get(act.date) ?? worlds.set(act.date, worldAt(scenario, act.date)).get(act.date)!;
      const first = answers(world, act, assumptions);
      const bound = resolve(world, act, assumptions, { explain: false }).states.filter((s) => s.mustAct && !act.attackers.includes(s.state) && s.state !== act.target);
      for (const s of bound.slice(0, 3)) answers(world, act, { ...assumptions, abstain: [...(assumptions.abstain ?? []), s.state] });
      expect(answers(world, act, assumptions), c.id).toBe(first);
      expect(answers(worldAt(scenario, act.date), act, assumptions), c.id).toBe(first);
    }
  });

  it('cannot be changed by a caller', () => {
    const world = worldAt(scenario, '1938-09-28');
    const act = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };
    const r = resolve(world, act);
    const shared = r.states.find((s) => Object.isFrozen(s.obligations) && s.obligations.length)!;
    expect(shared, 'some state of Munich has a shared list').toBeDefined();
    expect(() => shared.obligations.push(shared.obligations[0]!)).toThrow(TypeError);
    expect(() => {
      (shared.obligations[0] as { active: boolean }).active = !shared.obligations[0]!.active;
    }).toThrow(TypeError);
    const reached = r.states.find((s) => s.reach)!;
    expect(() => reached.reach!.via.push('XXX')).toThrow(TypeError);
    expect(JSON.stringify(resolve(world, act))).toBe(JSON.stringify(r));
  });
});
