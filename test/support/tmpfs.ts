/**
 * A small filesystem that really fills up: a tmpfs mounted in a fresh folder. Needs root (and a
 * kernel that lets this process mount); `mountSmallDisk` answers undefined where it cannot, and
 * the tests that need it say they were skipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  unmount(): void;
}

/** Mounts a tmpfs of `kib` KiB, or answers undefined when this process may not mount one. */
export function mountSmallDisk(kib: number): SmallDisk | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'casus-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** True when a small disk can be mounted here (probed once). */
export const canMountSmallDisk: boolean = (() => {
  const disk = mountSmallDisk(64);
  disk?.unmount();
  return disk !== undefined;
})();
