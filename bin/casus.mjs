#!/usr/bin/env node
// Starts the CLI from dist/ (built by `npm ci` or `npm run build`), which starts like plain node; or from
// the TypeScript sources through tsx when dist/ is missing, older than any source file, or
// CASUS_FROM_SOURCE=1 — so that a fresh clone, an edited source and the test suite never run stale code.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);

/** The newest modification time under a folder, in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtIsFresh() {
  if (process.env.CASUS_FROM_SOURCE === '1') return false;
  try {
    return statSync(new URL('dist/BUILT', root)).mtimeMs >= newest(fileURLToPath(new URL('src', root)));
  } catch {
    return false;
  }
}

if (builtIsFresh()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
