/**
 * Issue 11, roles from data: what makes the Covenant and Kellogg-Briand special is a provision's
 * `role` in the scenario, never a treaty id in the code. A scenario that calls them something else
 * gets the same breaches; one that drops the roles gets none of the role breaches; and no treaty id
 * of the built-in scenario appears as a literal in src/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseQuery, parseCatalogue } from '../../src/law/catalogue.js';
import { resolve } from '../../src/law/resolve.js';
import type { Breach } from '../../src/law/types.js';
import { loadBuiltInScenario } from '../../src/model/load.js';
import type { Scenario } from '../../src/model/schema.js';
import { worldAt } from '../../src/world/world.js';

const scenario = loadBuiltInScenario();
const RENAMED: Record<string, string> = { covenant: 'charter-of-the-league', 'kellogg-briand': 'pact-of-paris' };

/** The scenario with some treaties renamed, every reference to them renamed too. */
function renamed(s: Scenario, names: Record<string, string>): Scenario {
  const to = (id: string) => names[id] ?? id;
  return {
    ...s,
    treaties: s.treaties.map((t) => ({
      ...t,
      id: to(t.id),
      ...(t.supersedes ? { supersedes: t.supersedes.map(to) } : {}),
      ...(t.confirms ? { confirms: t.confirms.map(to) } : {}),
      ...(t.prolongs ? { prolongs: to(t.prolongs) } : {}),
    })),
  };
}

/** The scenario with every provision's role removed. */
const roleless = (s: Scenario): Scenario => ({ ...s, treaties: s.treaties.map((t) => ({ ...t, provisions: t.provisions.map(({ role: _role, ...p }) => p) })) });

const cases = parseCatalogue(readFileSync(fileURLToPath(new URL('../../scenarios/interwar/cases.yaml', import.meta.url)), 'utf8'), 'cases.yaml');

function breachesOf(s: Scenario, index: number): Breach[] {
  const { act, assumptions } = caseQuery(cases[index]!);
  return resolve(worldAt(s, act.date), act, assumptions, { explain: false }).breaches;
}

const sortedBreaches = (bs: Breach[]) => [...bs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('breaches by role, not by treaty id', () => {
  const other = renamed(scenario, RENAMED);

  it('the built-in scenario carries the roles on the articles that make them, with a source', () => {
    const roles = scenario.treaties.flatMap((t) => t.provisions.filter((p) => p.role).map((p) => ({ treaty: t.id, provision: p.id, role: p.role, sourced: p.source !== undefined })));
    expect(roles).toEqual([
      { treaty: 'covenant', provision: 'art-12', role: 'league-covenant', sourced: true },
      { treaty: 'kellogg-briand', provision: 'art-1', role: 'war-renunciation', sourced: true },
    ]);
  });

  it('a scenario with a differently named covenant and pact gets the same breaches in every catalogue case', () => {
    let roleBreaches = 0;
    cases.forEach((c, i) => {
      // The same breaches; their order follows the treaties' ids, which the renaming changes.
      const original = breachesOf(scenario, i);
      roleBreaches += original.filter((b) => b.kind === 'league-covenant' || b.kind === 'war-renunciation').length;
      const expected = original.map((b) => ({ ...b, treaty: RENAMED[b.treaty] ?? b.treaty }));
      expect(sortedBreaches(breachesOf(other, i)), c.id).toEqual(sortedBreaches(expected));
    });
    expect(roleBreaches).toBeGreaterThan(20); // the cases do exercise the roles
  });

  it('any renaming of the two treaties gives the same breaches (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/).filter((x) => !scenario.treaties.some((t) => t.id === x));
    const munich = cases.findIndex((c) => c.act.attackers.includes('GMY') && c.act.target === 'CZE');
    fc.assert(
      fc.property(id, id, (a, b) => {
        fc.pre(a !== b);
        const names = { covenant: a, 'kellogg-briand': b };
        const expected = breachesOf(scenario, munich).map((x) => ({ ...x, treaty: names[x.treaty as keyof typeof names] ?? x.treaty }));
        expect(sortedBreaches(breachesOf(renamed(scenario, names), munich))).toEqual(sortedBreaches(expected));
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('the role breaches are there to be renamed: Manchuria, Abyssinia and Poland break the covenant and the pact under their new names', () => {
    const day = (d: string, attackers: string[], target: string) => resolve(worldAt(other, d), { attackers, target, date: d }, {}, { explain: false }).breaches;
    expect(day('1935-10-03', ['ITA'], 'ETH')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: 'ITA', kind: 'league-covenant', treaty: 'charter-of-the-league' }),
        expect.objectContaining({ state: 'ITA', kind: 'war-renunciation', treaty: 'pact-of-paris' }),
      ]),
    );
    expect(day('1939-09-01', ['GMY'], 'POL')).toContainEqual(expect.objectContaining({ state: 'GMY', kind: 'war-renunciation', treaty: 'pact-of-paris', provision: 'art-1' }));
  });

  it('without the roles, the same treaties are ordinary: no league-covenant or war-renunciation breach, a plain nonaggression one', () => {
    const plain = roleless(scenario);
    const b = resolve(worldAt(plain, '1935-10-03'), { attackers: ['ITA'], target: 'ETH', date: '1935-10-03' }, {}, { explain: false }).breaches;
    expect(b.filter((x) => x.kind === 'league-covenant' || x.kind === 'war-renunciation')).toEqual([]);
    expect(b).toContainEqual(expect.objectContaining({ state: 'ITA', kind: 'nonaggression', treaty: 'kellogg-briand' }));
  });

  it('a league covenant is broken by a member resorting to war whoever the target; a renunciation of war only toward another party', () => {
    // 1939-11-30: the USSR, a member until 14 December, attacks Finland, both parties to Kellogg-Briand.
    const finland = resolve(worldAt(scenario, '1939-11-30'), { attackers: ['RUS'], target: 'FIN', date: '1939-11-30' }, {}, { explain: false }).breaches;
    expect(finland).toContainEqual(expect.objectContaining({ state: 'RUS', kind: 'league-covenant', treaty: 'covenant' }));
    // Japan (out of the League from 1935-03-27) attacks China in 1937: the pact, not the covenant.
    const china = resolve(worldAt(scenario, '1937-07-07'), { attackers: ['JPN'], target: 'CHN', date: '1937-07-07' }, {}, { explain: false }).breaches;
    expect(china.map((x) => x.kind)).toContain('war-renunciation');
    expect(china.map((x) => x.kind)).not.toContain('league-covenant');
  });
});

describe('no scenario treaty id in src/', () => {
  const root = fileURLToPath(new URL('../../src/', import.meta.url));
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));

  it('no treaty id of the built-in scenario appears as a string literal in the source', () => {
    const ids = scenario.treaties.map((t) => t.id);
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const id of ids) if (new RegExp(`['"\`]${id}['"\`]`).test(text)) found.push(`${file.slice(root.length)}: ${id}`);
    }
    expect(found).toEqual([]);
  });
});
