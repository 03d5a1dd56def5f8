/** Where the public datasets live: ../shared/data beside the repository, or $CASUS_DATA_DIR. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The datasets folder. */
export function dataDir(): string {
  return process.env.CASUS_DATA_DIR ? resolve(process.env.CASUS_DATA_DIR) : resolve(REPO_ROOT, '..', 'shared', 'data');
}

/** Path of a dataset file, e.g. dataPath('cow-nmc-v6.0', 'NMC-60-abridged.csv'). */
export function dataPath(...parts: string[]): string {
  return join(dataDir(), ...parts);
}

/** True when the datasets folder is there (tests that need it skip with a reason otherwise). */
export function hasData(): boolean {
  return existsSync(dataDir());
}

/** The file names of the datasets casus reads. */
export const DATASETS = {
  states: ['cow-state-system-2016', 'states2016.csv'],
  nmc: ['cow-nmc-v6.0', 'NMC-60-abridged.csv'],
  contiguity: ['cow-direct-contiguity-v3.1', 'contdir.csv'],
  wars: ['cow-interstate-war-v4.0', 'InterStateWarData_v4.0.csv'],
  atopMembers: ['atop-4.01', 'atop-member-level.csv'],
  atopAlliances: ['atop-4.01', 'atop-alliance-level.csv'],
  cshapes: ['cshapes-2.0', 'cshapes_2_cow.topojson.xz'],
} as const;
