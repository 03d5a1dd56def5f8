/**
 * Writes scenarios/interwar/wars.yaml from COW Inter-State War Data v4.0: every war beginning
 * before the scenario's end in which two or more states of the scenario fought.
 *
 * Run: node --import tsx scripts/extract-war-history.ts [--check]
 * With --check it writes nothing and exits 1 when the file differs from what it would write.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readWars } from '../src/data/cow-wars.js';
import { warRecordsOf, warRecordsYaml } from '../src/data/war-history.js';
import { loadBuiltInScenario } from '../src/model/load.js';

const target = new URL('../scenarios/interwar/wars.yaml', import.meta.url);
const scenario = loadBuiltInScenario();
const text = warRecordsYaml(warRecordsOf(readWars().wars, scenario, scenario.span.until));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file differs
  }
  if (current !== text) {
    process.stderr.write('scenarios/interwar/wars.yaml differs from COW; run scripts/extract-war-history.ts\n');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote scenarios/interwar/wars.yaml\n`);
}
