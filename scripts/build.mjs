// Builds src/ into dist/ (one JavaScript module per TypeScript module, same folders, so that paths
// relative to a module — the built-in scenario, package.json — hold in both), for `bin/casus.mjs`
// to start without compiling TypeScript on every run. Run by `npm ci` (the `prepare` script) and
// `npm run build`. Type checking stays with `tsc --noEmit`; esbuild only strips types.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');

/** Every file under a folder, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const started = performance.now();
rmSync(dist, { recursive: true, force: true });
const files = filesUnder(src);
await build({
  entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The worker bootstraps (the simulator's, the server's) load their TypeScript through tsx in the
// sources; built, each re-exports the compiled module's entry point instead.
const BUILT_BOOTSTRAPS = {
  [join('sim', 'worker.mjs')]: "export { runTask as default } from './worker.js';\n",
  [join('server', 'worker.mjs')]: "export { runWork as default } from './tasks.js';\n",
};
for (const file of files.filter((f) => f.endsWith('.mjs'))) {
  const out = join(dist, relative(src, file));
  mkdirSync(dirname(out), { recursive: true });
  const built = BUILT_BOOTSTRAPS[relative(src, file)];
  writeFileSync(out, built ? `// Piscina worker bootstrap (built): the worker is plain JavaScript here.\n${built}` : readFileSync(file));
}
// Written last: bin/casus.mjs runs dist/ only while this stamp is newer than every source file.
writeFileSync(join(dist, 'BUILT'), `${new Date().toISOString()}\n`);
process.stdout.write(`casus: built ${files.length} modules into dist/ in ${Math.round(performance.now() - started)} ms\n`);
