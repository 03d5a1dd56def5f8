/**
 * Importer and audit benchmark: seconds to read every dataset and import the full history
 * (1816–2007) as a scenario that passes parseScenario (with the three parts: reading the files,
 * building the scenario, validating it), and seconds for the reliability audit
 * of every war 1816–2003, and `worldAt` per day on the full history (wall and process CPU time,
 * the latter steadier on a shared machine). Medians of three runs; figures only, never a test.
 * Run alone: `node --import tsx bench/data.ts [--json]`.
 */
import { fileURLToPath } from 'node:url';
import { auditReliability } from '../src/audit/reliability.js';
import { readImportInputs } from '../src/data/import-files.js';
import { importScenario } from '../src/data/import.js';
import { hasData } from '../src/data/paths.js';
import { parseScenario } from '../src/model/parse.js';
import { worldAt } from '../src/world/world.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (s: number) => Math.round(s * 100) / 100;

async function timed<T>(run: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** Runs the importer and audit benchmark; returns figures keyed by name (empty without the datasets). */
export async function benchData(): Promise<Record<string, number>> {
  if (!hasData()) {
    process.stderr.write('bench data: datasets not found (../shared/data or $CASUS_DATA_DIR); skipped\n');
    return {};
  }
  const imports: number[] = [];
  const parts = { read: [] as number[], build: [] as number[], validate: [] as number[] };
  const audits: number[] = [];
  let cases = 0;
  const worldMs: number[] = [];
  const worldCpuMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    // Reading the files, importing, and checking the result with parseScenario: what `casus import all` does.
    const read = await timed(() => readImportInputs('all'));
    const build = await timed(() => importScenario(read.value, { from: 1816, to: 2007 }));
    const validate = await timed(() => parseScenario(JSON.stringify(build.value.scenario), 'full-history.json'));
    imports.push(read.seconds + build.seconds + validate.seconds);
    {
      // worldAt on the full history: one day a year, 1816 to 2007, after one warm-up day, on each
      // run's freshly parsed scenario (so its indexes are built anew); wall and process CPU time.
      const full = validate.value;
      worldAt(full, '1900-07-01');
      const days = Array.from({ length: 2007 - 1816 + 1 }, (_, i) => `${1816 + i}-07-01`);
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (const day of days) worldAt(full, day);
      const used = process.cpuUsage(cpu);
      worldMs.push((performance.now() - started) / days.length);
      worldCpuMs.push((used.user + used.system) / 1000 / days.length);
    }
    parts.read.push(read.seconds);
    parts.build.push(build.seconds);
    parts.validate.push(validate.seconds);
    const audit = await timed(async () => {
      const inputs = await readImportInputs('all');
      const { scenario, unexpressed } = importScenario(inputs, { from: 1816, to: 2003 });
      return auditReliability(scenario, inputs.wars ?? [], 1816, 2003, unexpressed);
    });
    audits.push(audit.seconds);
    cases = audit.value.cases;
  }
  return {
    'import.fullHistorySeconds': round(median(imports)),
    'import.readSeconds': round(median(parts.read)),
    'import.buildSeconds': round(median(parts.build)),
    'import.validateSeconds': round(median(parts.validate)),
    'audit.reliabilitySeconds': round(median(audits)),
    'audit.cases': cases,
    'world.fullHistoryMsPerDay': Math.round(median(worldMs) * 1000) / 1000,
    'world.fullHistoryCpuMsPerDay': Math.round(median(worldCpuMs) * 1000) / 1000,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchData();
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else for (const [key, value] of Object.entries(figures)) process.stdout.write(`${key}: ${value.toLocaleString('en-US')}\n`);
}
