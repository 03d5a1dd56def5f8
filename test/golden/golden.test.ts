/** Reruns every golden run and fails on any byte of difference from its committed fixture. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureText, GOLDEN_DIR, GOLDEN_RUNS, provenance, runGolden, type GoldenFixture } from './runs.js';

const REGENERATE = 'if the change is meant, run `npm run golden -- --why "what changed and why"` and commit the fixtures';

describe('golden runs', () => {
  const now = provenance();

  for (const run of GOLDEN_RUNS) {
    it(`${run.id}: ${run.title}`, () => {
      const path = join(GOLDEN_DIR, `${run.id}.json`);
      expect(existsSync(path), `no fixture for ${run.id}; ${REGENERATE}`).toBe(true);
      const stored = JSON.parse(readFileSync(path, 'utf8')) as GoldenFixture;
      expect(stored.argv, `${run.id} was recorded with other arguments; ${REGENERATE}`).toEqual(run.argv);
      const fresh = fixtureText({ ...stored, ...now, output: runGolden(run) });
      // Byte for byte: the answer, the engine version and the scenario's hash.
      expect(fresh, `${run.id} changed; ${REGENERATE}`).toBe(readFileSync(path, 'utf8'));
    });
  }
});
