// Piscina worker bootstrap for the server's heavy work: Node 20 cannot load a .ts worker, so this imports it through tsx.
import { tsImport } from 'tsx/esm/api';

const { runWork } = await tsImport('./tasks.ts', import.meta.url);
export default runWork;
