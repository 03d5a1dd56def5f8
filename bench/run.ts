/**
 * `npm run bench`: runs every registered benchmark module and prints its figures, readably or,
 * with `-- --json`, as one JSON object whose dotted keys name the figures (`resolve.perSecond` …).
 * `-- --only resolve,simulate` runs a subset. Progress goes to stderr, figures to stdout.
 *
 * To register a module: add one line to BENCHMARKS: a name and a loader returning a function that
 * resolves to `{ "<name>.<figure>": number }`.
 */
type Figures = Record<string, number>;

const BENCHMARKS: { name: string; load: () => Promise<() => Promise<Figures> | Figures> }[] = [
  { name: 'resolve', load: async () => (await import('./resolve.js')).benchResolve },
  { name: 'simulate', load: async () => (await import('./simulate.js')).benchSimulate },
  { name: 'data', load: async () => (await import('./data.js')).benchData },
  { name: 'align', load: async () => (await import('./align.js')).benchAlign },
];

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const json = process.argv.includes('--json');
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
  if (!json) {
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [key, value] of Object.entries(figures)) process.stdout.write(`  ${key.padEnd(width)}  ${value.toLocaleString('en-US')}\n`);
  }
}
if (json) process.stdout.write(`${JSON.stringify(all)}\n`);
