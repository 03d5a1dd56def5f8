// Piscina worker bootstrap: Node 20 cannot load a .ts worker, so this imports it through tsx.
import { tsImport } from 'tsx/esm/api';

const { runTask } = await tsImport('./worker.ts', import.meta.url);
export default runTask;
