import type { Command } from 'commander';
import { readCshapes } from '../../data/cshapes.js';
import { DatasetError } from '../../data/csv.js';
import { DATASETS, dataPath } from '../../data/paths.js';
import { DEFAULT_DB } from '../../server/serve.js';
import { Store } from '../../store/store.js';
import { action, dayOption, EXIT, io, printJson, printLines, setExitCode } from '../output.js';

/** What an import did. */
export interface CshapesImport {
  file: string;
  db: string;
  span: { from: string; until: string };
  shapes: number;
  states: number;
}

/**
 * Reads CShapes 2.0 and stores its dated borders in the server's database, replacing earlier
 * ones in one transaction. Throws DatasetError for a file that is not CShapes.
 */
export async function importCshapes(file: string, db: string, span: { from: string; until: string }): Promise<CshapesImport> {
  const records = await readCshapes(file, span);
  const store = new Store(db);
  try {
    store.replaceShapes(records, file);
  } finally {
    store.close();
  }
  return { file, db, span, shapes: records.length, states: new Set(records.map((r) => r.cowcode)).size };
}

/** The action of `casus import cshapes [FILE]`, for the `import` command to call as well. */
export const importCshapesAction = action(async (file: string | undefined, options: { db?: string; from?: string; until?: string; json?: boolean }) => {
  const span = { from: dayOption(options.from ?? '1929-01-01', '--from'), until: dayOption(options.until ?? '1940-01-01', '--until') };
  const path = file ?? dataPath(...DATASETS.cshapes);
  const db = options.db ?? process.env.CASUS_DB ?? DEFAULT_DB;
  try {
    const result = await importCshapes(path, db, span);
    if (options.json) printJson(result);
    else printLines([`Imported ${result.shapes} dated borders of ${result.states} states (${span.from} to ${span.until}, exclusive) from ${result.file}`, `into ${result.db}; \`casus serve --db ${result.db}\` now draws them on the map.`]);
  } catch (error) {
    if (!(error instanceof DatasetError)) throw error;
    io().stderr.write(`casus: dataset error: ${error.message}\n`);
    setExitCode(EXIT.invalidScenario);
  }
});

/** `casus import cshapes [FILE] [--db FILE]`: real dated borders for the explorer's map; a subcommand of `import`. */
export function registerImportCshapes(imports: Command): void {
  imports
    .command('cshapes')
    .description('import CShapes 2.0 dated borders (cshapes_2_cow.topojson.xz) into the database the explorer draws its map from')
    .argument('[file]', 'the CShapes file (default: the shared datasets folder)')
    .option('--db <file>', 'the database `casus serve` uses (default: $CASUS_DB or .casus/casus.db)')
    .option('--from <day>', 'first day kept', '1929-01-01')
    .option('--until <day>', 'first day not kept', '1940-01-01')
    .option('--json', 'print what was imported as JSON')
    .action(importCshapesAction);
}
