/** The life of an obligation at the command line: relations in `treaties`, a denunciation reading switched by `resolve --reading`. */
import { describe, expect, it } from 'vitest';
import { casus as run } from '../support/casus.js';

/** The standard output of a run that must succeed. */
async function casus(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await run(...args);
  if (code !== 0) throw new Error(`casus ${args.join(' ')} exited ${code}: ${stderr}`);
  return stdout;
}

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
