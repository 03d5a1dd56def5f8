/**
 * Synthetic scenarios that are costly to answer: `n` states, each bound to defend the target
 * only once the previous one has acted, so the conditional chain is `n` links long. Test data,
 * not history; sources say so.
 */

/** A scenario of `n` states in one chain of prior-action treaties, as JSON text. Pure. */
export function chainedScenario(n: number, id = 'chained'): string {
  const source = { ref: 'test' };
  const capital = { name: 'Capital', lat: 0, lon: 0 };
  const ids = Array.from({ length: n }, (_, i) => `S${i}`);
  const actors = [{ id: 'AGG', name: 'Aggressor', exists: [{ source }], capital, source }, { id: 'TGT', name: 'Target', exists: [{ source }], capital, source }, ...ids.map((s) => ({ id: s, name: `State ${s}`, exists: [{ source }], capital, source }))];
  const treaties = ids.map((s, i) => ({
    id: `t${i}`,
    name: `Treaty ${i}`,
    parties: [s, 'TGT'],
    signed: '1930-01-01',
    provisions: [{ id: 'assist', kind: 'defence', obliged: [s], beneficiaries: ['TGT'], conditions: i === 0 ? [] : [{ type: 'prior-action', by: [ids[i - 1]] }] }],
    source,
  }));
  return JSON.stringify({ format: 1, id, name: `Chain of ${n}`, span: { from: '1930-01-01', until: '1940-01-01' }, actors, treaties });
}

/**
 * A scenario of `n` states in which every state is bound to defend every other, each only once
 * the previous one has acted: every ordered pair of states walks an `n`-link chain, so the
 * atlas does about n³ work. As JSON text. Pure.
 */
export function tangledScenario(n: number, id = 'tangled'): string {
  const scenario = JSON.parse(chainedScenario(n, id)) as { treaties: { parties: string[]; provisions: { beneficiaries?: string[] }[] }[]; actors: { id: string }[] };
  const everyone = scenario.actors.map((a) => a.id);
  for (const treaty of scenario.treaties) {
    treaty.parties = everyone;
    delete treaty.provisions[0]!.beneficiaries;
  }
  return JSON.stringify(scenario);
}

/** The act that walks the whole chain. */
export const chainedAct = { attackers: ['AGG'], target: 'TGT', date: '1935-01-01' };
