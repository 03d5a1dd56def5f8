/**
 * Awkward input from a careless user: text that is not UTF-8, an include that escapes its folder
 * through a symbolic link, an overlay that is a FIFO, a database that cannot be opened. Each
 * gets a clear message that names it, never a hang or a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/model/errors.js';
import { loadScenarioFile } from '../../src/model/load.js';
import { call, FIXTURE, testApp } from './support/app.js';

const BIN = new URL('../../bin/casus.mjs', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'casus-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const munich = { attackers: ['GMY'], target: 'CZE', date: '1938-09-28' };

describe('text that is not UTF-8', () => {
  it('an uploaded scenario or a JSON body in UTF-16 is a 400 that says so, and nothing is stored', async () => {
    const { app, store } = testApp();
    const upload = await app.request('/api/scenarios', { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: utf16('format: 1\nid: x\n') });
    expect(upload.status).toBe(400);
    expect(((await upload.json()) as { error: string }).error).toMatch(/UTF-16.*UTF-8/);
    const resolve = await app.request('/api/scenarios/munich-test/resolve', { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(munich), 'utf16le') });
    expect(resolve.status).toBe(400);
    expect(((await resolve.json()) as { error: string }).error).toMatch(/not UTF-8.*NUL bytes/);
    expect(store.listScenarios()).toEqual([]);
    expect((await call(app, 'POST', '/api/scenarios/munich-test/resolve', munich)).status).toBe(200);
  });

  it('a scenario file in UTF-16 is refused naming the encoding', () => {
    const file = join(dir, 'utf16.yaml');
    writeFileSync(file, utf16('format: 1\n'));
    expect(() => loadScenarioFile(file)).toThrow(/is UTF-16 text; save it as UTF-8/);
  });
});

describe('files on disk', () => {
  it('refuses an include that is a symbolic link pointing outside the scenario folder', () => {
    const folder = join(dir, 'scenario');
    mkdirSync(folder);
    writeFileSync(join(dir, 'outside.yaml'), 'actors: []\n');
    symlinkSync(join(dir, 'outside.yaml'), join(folder, 'inside.yaml'));
    writeFileSync(join(folder, 'main.yaml'), `${readFileSync(FIXTURE, 'utf8')}\ninclude: [inside.yaml]\n`);
    let error: unknown;
    try {
      loadScenarioFile(join(folder, 'main.yaml'));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as Error).message).toMatch(/include must be a relative path inside the scenario's folder/);
  });

  it('simulate --overlay on a FIFO stops at once with a message, instead of waiting for a writer', async () => {
    const fifo = join(dir, 'overlay.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    const child = spawn(process.execPath, [BIN, 'simulate', '--scenario', FIXTURE, '--at', '1938-09-28', '--attacker', 'GMY', '--target', 'CZE', '--runs', '100', '--overlay', fifo], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill('SIGKILL'), resolve(null)), 20_000);
      child.once('exit', (c) => (clearTimeout(timer), resolve(c)));
    });
    expect(code, 'the command hung on the FIFO').toBe(2);
    expect(stderr).toMatch(/overlay\.fifo: is not a file/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('serve with a database it cannot open says which and why, exit 2, no stack trace', () => {
    const notADb = join(dir, 'garbage.db');
    writeFileSync(notADb, 'this is not a database, it is a text file that is long enough to have a header'.repeat(20));
    const run = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--db', notADb, '--scenario', FIXTURE], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot open the store .*garbage\.db/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
