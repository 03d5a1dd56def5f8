/**
 * Prints how far the borders of a scenario (the built-in one by default) agree with COW Direct
 * Contiguity v3.1 (land, type 1), year by year and overall.
 *
 * Run: node --import tsx scripts/contiguity-agreement.ts [--json] [--scenario FILE] [--day MM-DD]
 * Exits 1 when a difference is not among the explained ones, 2 on bad input.
 */
import { readContiguity } from '../src/data/cow-contiguity.js';
import { contiguityAgreement, describeContiguity } from '../src/audit/contiguity.js';
import { loadBuiltInScenario, loadScenarioFile } from '../src/model/load.js';

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const valueOf = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    return value;
  };
  const scenarioFile = valueOf('--scenario');
  const day = valueOf('--day');
  if (day !== undefined && !/^\d{2}-\d{2}$/.test(day)) throw new Error(`--day takes MM-DD, not "${day}"`);
  const scenario = scenarioFile ? loadScenarioFile(scenarioFile) : loadBuiltInScenario();
  const report = contiguityAgreement(scenario, readContiguity().rows, day ? { monthDay: day } : {});
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${describeContiguity(report).join('\n')}\n`);
  if (report.unexplained.length) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`contiguity-agreement: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
