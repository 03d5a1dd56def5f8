/**
 * Writes scenarios/interwar/capabilities.yaml from COW National Material Capabilities v6.0:
 * one row per COW state of the scenario and year 1929–1939 in which the state exists.
 * The hand-written part of the file (everything from EFFECTIVENESS_MARKER on) is kept as it is.
 *
 * Run: node --import tsx scripts/extract-capabilities.ts [--check]
 * With --check it writes nothing and exits 1 when the file differs from what it would write.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { intervalsOverlap } from '../src/model/day.js';
import { ScenarioPartSchema, type Actor } from '../src/model/schema.js';
import { readNmc, type NmcRow } from '../src/data/cow-nmc.js';

const FIRST_YEAR = 1929;
const LAST_YEAR = 1939;
const COMPONENTS = ['milex', 'milper', 'irst', 'pec', 'tpop', 'upop'] as const;
const SOURCE = 'COW National Material Capabilities v6.0';
/** The line from which the file is hand-written and kept on regeneration. */
export const EFFECTIVENESS_MARKER = '# ── effectiveness: hand-written, kept by scripts/extract-capabilities.ts ──';

const folder = new URL('../scenarios/interwar/', import.meta.url);
const target = new URL('capabilities.yaml', folder);

const HEADER = `# part of the interwar scenario: see scenario.yaml
#
# Capabilities: GENERATED from COW National Material Capabilities v6.0 (abridged, 2021) by
#   node --import tsx scripts/extract-capabilities.ts
# for every COW state of actors.yaml and every year 1929–1939 in which it exists. Do not edit
# these rows by hand: fix the script or the actors and regenerate (add --check to see whether
# the file is current). Units are COW's: milex in thousands of current US dollars, milper in
# thousands, irst in thousands of tons, pec in thousands of coal-ton equivalents, tpop and upop
# in thousands. A component COW codes as missing (-9) is left out and the row's source says so.
# Entities outside COW (Manchukuo, Slovakia, Danzig) have no rows.
`;

/** The capability rows, as YAML lines, for the given actors and NMC rows. Pure. */
export function capabilityLines(actors: readonly Actor[], nmc: readonly NmcRow[]): { lines: string[]; missing: string[] } {
  const byKey = new Map(nmc.map((row) => [`${row.ccode}/${row.year}`, row]));
  const lines: string[] = [];
  const missing: string[] = [];
  const states = actors.filter((a) => a.kind === 'state' && a.ccode !== undefined).sort((a, b) => a.ccode! - b.ccode! || a.id.localeCompare(b.id));
  for (const actor of states) {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      const span = { from: `${year}-01-01`, until: `${year + 1}-01-01` };
      if (!actor.exists.some((spell) => intervalsOverlap(spell, span))) continue;
      const row = byKey.get(`${actor.ccode}/${year}`);
      if (!row) {
        missing.push(`${actor.id} (${actor.ccode}) ${year}`);
        continue;
      }
      const gaps = COMPONENTS.filter((c) => row[c] === undefined);
      const fields = [`state: ${actor.id}`, `year: ${year}`, `cinc: ${row.cinc}`, ...COMPONENTS.filter((c) => row[c] !== undefined).map((c) => `${c}: ${row[c]}`)];
      const note = gaps.length ? `, note: "missing in NMC (-9): ${gaps.join(', ')}"` : '';
      lines.push(`  - { ${fields.join(', ')}, source: { ref: "${SOURCE}"${note} } }`);
    }
  }
  return { lines, missing };
}

function main(): void {
  const actors = ScenarioPartSchema.parse(parse(readFileSync(new URL('actors.yaml', folder), 'utf8'))).actors;
  const { rows } = readNmc();
  const { lines, missing } = capabilityLines(actors, rows);
  const previous = existsSync(target) ? readFileSync(target, 'utf8') : '';
  const at = previous.indexOf(EFFECTIVENESS_MARKER);
  const kept = at >= 0 ? previous.slice(at) : `${EFFECTIVENESS_MARKER}\neffectiveness: []\n`;
  const text = `${HEADER}capabilities:\n${lines.join('\n')}\n\n${kept}`;
  if (process.argv.includes('--check')) {
    if (text !== previous) {
      process.stderr.write('capabilities.yaml is not what the script writes: run node --import tsx scripts/extract-capabilities.ts\n');
      process.exit(1);
    }
    process.stdout.write(`capabilities.yaml is up to date (${lines.length} rows)\n`);
    return;
  }
  writeFileSync(target, text);
  process.stdout.write(`wrote scenarios/interwar/capabilities.yaml: ${lines.length} rows${missing.length ? `; no NMC row for ${missing.join(', ')}` : ''}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
