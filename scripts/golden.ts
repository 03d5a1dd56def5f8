/**
 * Regenerates the golden runs: `npm run golden -- --why "what changed and why"`. The reason is
 * appended to test/golden/CHANGES.md with the runs that changed, so a diff of the fixtures is
 * never unexplained. Without --why, it only reports which runs differ (exit 1 if any).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fixtureText, GOLDEN_DIR, GOLDEN_RUNS, provenance, runGolden } from '../test/golden/runs.js';

const { values } = parseArgs({ options: { why: { type: 'string' } } });
const now = provenance();
mkdirSync(GOLDEN_DIR, { recursive: true });

const changed: string[] = [];
for (const run of GOLDEN_RUNS) {
  const path = join(GOLDEN_DIR, `${run.id}.json`);
  const text = fixtureText({ id: run.id, title: run.title, argv: run.argv, ...now, output: runGolden(run) });
  const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (before === text) continue;
  changed.push(run.id);
  if (values.why) writeFileSync(path, text);
}

if (changed.length === 0) {
  console.log('golden runs: all unchanged');
} else if (!values.why) {
  console.log(`golden runs that differ: ${changed.join(', ')}\nrerun with --why "what changed and why" to regenerate them`);
  process.exitCode = 1;
} else {
  const day = new Date().toISOString().slice(0, 10);
  appendFileSync(join(GOLDEN_DIR, '..', 'CHANGES.md'), `\n## ${day} — ${now.engineVersion}, scenario ${now.scenarioHash.slice(0, 12)}\n${values.why}\n\nRegenerated: ${changed.join(', ')}\n`);
  console.log(`golden runs regenerated: ${changed.join(', ')}`);
}
