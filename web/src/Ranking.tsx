/**
 * Single changes ranked by how much they move deterrence, each with its interval, the change in
 * the balance of strength, and the tie that makes it plausible: a guarantor that neither borders
 * either side nor shares a treaty with one is marked as such, so that a class can weigh it.
 */
import type { Overlay, WhatifResult, World } from './api.js';
import type { Candidate } from './classroom.js';
import { SourceView } from './Sources.js';
import { listOf, nameOf, useNav, withNames } from './nav.js';

/** Treaties with more parties than this (the Covenant, Kellogg-Briand) tie everyone to everyone and say nothing of a state's interest. */
const SMALL_TREATY = 8;

/** Why a state could plausibly have stepped in between `sides` that day, in words, or undefined when nothing ties it to either side. Pure. */
export function tieOf(state: string, sides: readonly string[], world: Pick<World, 'borders' | 'treaties'>, names: ReadonlyMap<string, string>): string | undefined {
  const neighbours = sides.filter((s) => world.borders.some(([a, b]) => (a === state && b === s) || (b === state && a === s)));
  if (neighbours.length) return `borders ${listOf(names, neighbours)}`;
  const treaty = world.treaties.find((t) => t.parties.length <= SMALL_TREATY && t.parties.includes(state) && t.parties.some((p) => sides.includes(p) && p !== state));
  if (treaty) return `party with ${listOf(names, treaty.parties.filter((p) => sides.includes(p)))} to ${treaty.name}`;
  return undefined;
}

/** The state a "guarantees the target" candidate would add as guarantor. Pure. */
function guarantorOf(overlay: Overlay | undefined): string | undefined {
  const change = overlay?.changes[0] as { op?: string; treaty?: { provisions?: { kind: string; obliged: string[] }[] } } | undefined;
  if (change?.op !== 'add-treaty') return undefined;
  return change.treaty?.provisions?.find((p) => p.kind === 'guarantee')?.obliged[0];
}

const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

export function Ranking({ result, world, act, onApply, notes }: { result: WhatifResult; world: World | undefined; act: { attackers: string[]; target: string }; onApply: (id: string) => void; notes?: ReadonlyMap<string, Candidate> }) {
  const { names } = useNav();
  const sides = [...act.attackers, act.target];
  const none = result.candidates.every((c) => c.error || (c.delta === 0 && c.deltaCi[0] === 0 && c.deltaCi[1] === 0));
  return (
    <div class="ranking" data-testid="whatif">
      <h4>
        Single changes, by how much they move deterrence (baseline {(100 * result.baseline.p).toFixed(1)}%, {result.runs.toLocaleString('en')} samples each)
      </h4>
      {none ? <p class="hint" data-testid="whatif-none">No single change deters the attacker in any sample: the changes are ranked by how far they move the balance of strength instead (Δ balance).</p> : null}
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Change</th>
              <th scope="col">Deterrence, points (95% interval)</th>
              <th scope="col">Δ balance</th>
              <th scope="col">
                <span class="sr-only">Apply</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {result.candidates.slice(0, 10).map((c) => {
              const guarantor = guarantorOf(result.overlays?.find((o) => o.id === c.id));
              const tie = guarantor && world ? tieOf(guarantor, sides, world, names) : undefined;
              return (
                <tr key={c.id} data-candidate={c.id}>
                  <td>
                    {withNames(c.title, names)}
                    {notes?.get(c.id) ? (
                      <div class="why" data-testid={`why-${c.id}`}>
                        {notes.get(c.id)!.why} <SourceView source={notes.get(c.id)!.source} />
                      </div>
                    ) : null}
                    {guarantor && !notes?.get(c.id) ? <div class="why" data-testid={`tie-${guarantor}`}>{tie ? `${nameOf(names, guarantor)} ${tie}` : `${nameOf(names, guarantor)} neither borders either side nor shares a treaty with one that day`}</div> : null}
                  </td>
                  <td>{c.error ? <span class="error">{c.error}</span> : `${pts(c.delta)} (${pts(c.deltaCi[0])} to ${pts(c.deltaCi[1])})`}</td>
                  <td>{c.deltaRatio !== undefined ? `${c.deltaRatio >= 0 ? '+' : ''}${c.deltaRatio.toFixed(2)}` : ''}</td>
                  <td>
                    <button class="small" onClick={() => onApply(c.id)} disabled={Boolean(c.error)} aria-label={`Apply: ${withNames(c.title, names)}`}>
                      apply
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="hint">Δ balance: the change in the ratio of the defenders' strength to the attacker's; it ranks changes that deter in no sample. Applied changes enter the next simulation.</p>
    </div>
  );
}
