import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';

/** A scenario's YAML part imported as data at build time (the classroom lists), so the browser needs no YAML parser. */
const yamlData: Plugin = {
  name: 'casus-yaml-data',
  transform: (text, id) => (id.endsWith('.yaml') ? { code: `export default ${JSON.stringify(parse(text))};`, map: null } : undefined),
};

// The explorer: everything bundled into dist/web, served by `casus serve`; nothing from a CDN.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [preact(), yamlData],
  build: { outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
