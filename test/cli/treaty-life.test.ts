/** The life of an obligation at the command line: relations in `treaties`, a denunciation reading switched by `resolve --reading`. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/casus.mjs', import.meta.url));
const casus = async (...args: string[]) => (await run(process.execPath, [BIN, ...args], { encoding: 'utf8' })).stdout;

describe('casus treaties and resolve on the life of an obligation', () => {
  it('names what a treaty supersedes or confirms, and the reading on its denunciation', async () => {
    const out = await casus('treaties', '--at', '1939-10-15', '--state', 'RUS');
    expect(out).toContain('confirms soviet-estonian-1932');
    expect(out).toContain('whether the denunciation ended it is the reading soviet-finnish-denunciation-ends');
    const poland = await casus('treaties', '--at', '1939-09-01', '--state', 'POL');
    expect(poland).toContain('supersedes anglo-polish-assurance-1939');
  });

  it('switches the Soviet-Finnish treaty off on 30 November 1939 with --reading soviet-finnish-denunciation-ends=true', async () => {
    const args = ['resolve', '--at', '1939-11-30', '--attacker', 'RUS', '--target', 'FIN', '--json'];
    const broke = (json: string) => (JSON.parse(json) as { breaches: { treaty?: string }[] }).breaches.some((b) => b.treaty === 'soviet-finnish-1932');
    expect(broke(await casus(...args))).toBe(true);
    expect(broke(await casus(...args, '--reading', 'soviet-finnish-denunciation-ends=true'))).toBe(false);
  });
});
