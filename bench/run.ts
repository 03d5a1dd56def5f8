/**
 * `npm run bench`: runs every registered benchmark module and prints its figures, each beside its
 * floor (the goal, ./floors.ts) and the ratio to it, readably or, with `-- --json`, as one JSON object
 * whose dotted keys name the figures (`resolve.perSecond` …) plus `floors` (per figure: floor, ratio,
 * met). `-- --only resolve,simulate` runs a subset; `-- --compare BASE.json` also shows each figure's
 * change since a previous `--json` run. Progress goes to stderr, figures to stdout.
 *
 * To register a module: add one line to BENCHMARKS: a name and a loader returning a function that
 * resolves to `{ "<name>.<figure>": number }`.
 */
import { readFileSync } from 'node:fs';
import { describeFigures, floorsOf } from './floors.js';

type Figures = Record<string, number>;

const BENCHMARKS: { name: string; load: () => Promise<() => Promise<Figures> | Figures> }[] = [
  { name: 'resolve', load: async () => (await import('./resolve.js')).benchResolve },
  { name: 'simulate', load: async () => (await import('./simulate.js')).benchSimulate },
  { name: 'data', load: async () => (await import('./data.js')).benchData },
  { name: 'align', load: async () => (await import('./align.js')).benchAlign },
  { name: 'deterrence', load: async () => (await import('./deterrence.js')).benchDeterrence },
  { name: 'startup', load: async () => (await import('./startup.js')).benchStartup },
  { name: 'http', load: async () => (await import('./http.js')).benchHttp },
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
const comparePath = option('--compare');
let base: Figures | undefined;
if (comparePath !== undefined) {
  try {
    const parsed = JSON.parse(readFileSync(comparePath, 'utf8')) as Record<string, unknown>;
    base = Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch (error) {
    process.stderr.write(`bench: --compare ${comparePath}: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
const only = option('--only')?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !BENCHMARKS.some((b) => b.name === n)) ?? [];
if (unknown.length) {
  process.stderr.write(`bench: no benchmark named ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}

const all: Figures = {};
for (const { name, load } of BENCHMARKS) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name} …\n`);
  const started = performance.now();
  const figures = await (await load())();
  Object.assign(all, figures);
  process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (!json && Object.keys(figures).length) process.stdout.write(`${describeFigures(figures, base).join('\n')}\n`);
}
if (json) process.stdout.write(`${JSON.stringify({ ...all, floors: floorsOf(all) })}\n`);
