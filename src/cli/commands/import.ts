import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { DatasetError } from '../../data/csv.js';
import { readImportInputs } from '../../data/import-files.js';
import { IMPORT_YEARS, importScenario, type ImportReport, type ImportSet } from '../../data/import.js';
import { registerImportCshapes } from './import-cshapes.js';
import { QueryError } from '../../model/errors.js';
import { parseScenario } from '../../model/parse.js';
import { action, EXIT, io, printJson, printLines, setExitCode } from '../output.js';

/**
 * `casus import cow|atop|all --from YEAR --to YEAR [--out FILE] [--json]`: public datasets into a scenario;
 * `casus import cshapes [FILE]`: CShapes 2.0 dated borders into the explorer's database.
 */
export function registerImport(program: Command): void {
  const imports = program.command('import').description('import public datasets: COW and ATOP into a scenario, CShapes borders into the explorer');
  const descriptions = {
    cow: 'COW State System, National Material Capabilities, Direct Contiguity and Inter-State War into a scenario',
    atop: 'ATOP alliances (member and alliance level) into a scenario, with the COW State System naming the states',
    all: 'COW and ATOP together into one scenario',
  } as const;
  for (const set of ['cow', 'atop', 'all'] as const) {
    imports
      .command(set)
      .description(descriptions[set])
      .requiredOption('--from <year>', `first year (${IMPORT_YEARS.first}–${IMPORT_YEARS.last})`)
      .requiredOption('--to <year>', 'last year, inclusive')
      .option('--out <file>', 'write the scenario here (.json for JSON, else YAML); stdout when omitted')
      .option('--json', 'print the import report as JSON (on stdout, so --out is needed)')
      .action(action((options: ImportOptions) => importDatasets(set, options)));
  }
  registerImportCshapes(imports);
}

interface ImportOptions {
  from: string;
  to: string;
  out?: string;
  json?: boolean;
}

async function importDatasets(datasets: ImportSet, options: ImportOptions): Promise<void> {
  if (options.json && !options.out) throw new QueryError('--json prints the report on stdout: give --out FILE for the scenario');
  const from = yearOption(options.from, '--from');
  const to = yearOption(options.to, '--to');
  if (from > to) throw new QueryError(`--from ${from} is after --to ${to}`);
  try {
    const inputs = await readImportInputs(datasets);
    const { scenario, report } = importScenario(inputs, { from, to, set: datasets });
    const text = options.out?.endsWith('.json') ? `${JSON.stringify(scenario, null, 1)}\n` : stringify(scenario, { lineWidth: 0, aliasDuplicateObjects: false });
    // The importer's output must be a scenario casus accepts; a failure here is a bug, reported as one.
    parseScenario(text, options.out ?? 'imported scenario');
    if (options.out) writeFileSync(options.out, text);
    else io().stdout.write(text);
    if (options.json) printJson(report);
    else (options.out ? printLines : (lines: string[]) => io().stderr.write(`${lines.join('\n')}\n`))(describeReport(report, options.out));
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    io().stderr.write(`casus: dataset error: ${error.message}\n`);
    setExitCode(EXIT.invalidScenario);
  }
}

function yearOption(text: string, option: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < IMPORT_YEARS.first || year > IMPORT_YEARS.last) throw new QueryError(`${option}: "${text}" is not a year from ${IMPORT_YEARS.first} to ${IMPORT_YEARS.last}`);
  return year;
}

/** The import report for a person. Pure. */
export function describeReport(report: ImportReport, out?: string): string[] {
  const lines = [`Imported ${report.span.from} to ${report.span.until} (exclusive)${out ? ` into ${out}` : ''}`, `  ${Object.entries(report.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`];
  const datasets = Object.entries(report.skipped);
  if (datasets.length) lines.push('Rows left out, by reason:');
  for (const [dataset, reasons] of datasets) {
    lines.push(`  ${dataset}`);
    for (const [reason, n] of Object.entries(reasons).sort((a, b) => b[1] - a[1])) lines.push(`    ${String(n).padStart(6)}  ${reason}`);
  }
  const notes = Object.entries(report.notExpressed).sort((a, b) => b[1] - a[1]);
  if (notes.length) lines.push('ATOP conditions kept as notes (casus cannot express them yet; docs/atop-mapping.md):', `  ${notes.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return lines;
}
