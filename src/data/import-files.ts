/** The thin file-reading side of the importers: reads every dataset a set needs, with what each reader skipped. */
import { readAtopAlliances, readAtopMembers } from './atop.js';
import { readContiguity } from './cow-contiguity.js';
import { readNmc } from './cow-nmc.js';
import { readStateSystem } from './cow-states.js';
import { readWars } from './cow-wars.js';
import { readCapitals } from './cshapes-capitals.js';
import { REFS, type ImportInputs, type ImportSet } from './import.js';

/** Reads the datasets for an import from the shared data folder. Throws DatasetError on a malformed file. */
export async function readImportInputs(set: ImportSet = 'all'): Promise<ImportInputs> {
  const states = readStateSystem();
  const capitals = await readCapitals();
  const inputs: ImportInputs = { states: states.spells, capitals: capitals.capitals, readerSkipped: { [REFS.states]: states.skipped, [REFS.cshapes]: capitals.skipped } };
  if (set !== 'atop') {
    const nmc = readNmc();
    const contiguity = readContiguity();
    const wars = readWars();
    Object.assign(inputs, { nmc: nmc.rows, contiguity: contiguity.rows, wars: wars.wars });
    Object.assign(inputs.readerSkipped!, { [REFS.nmc]: { ...nmc.skipped }, [REFS.contiguity]: { ...contiguity.skipped }, [REFS.wars]: { ...wars.skipped } });
  }
  if (set !== 'cow') {
    const members = readAtopMembers();
    const alliances = readAtopAlliances();
    Object.assign(inputs, { atopMembers: members.rows, atopAlliances: alliances.rows });
    inputs.readerSkipped![REFS.atop] = { ...members.skipped, ...Object.fromEntries(Object.entries(alliances.skipped).map(([k, v]) => [`alliance level: ${k}`, v])) };
  }
  return inputs;
}
