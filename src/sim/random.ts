/**
 * Seeded randomness: one independent xoroshiro128+ stream per sample, its 128-bit state derived
 * from (seed, sample index) by an integer hash, so that a sample's draws do not depend on which
 * thread runs it or on what ran before. Integer operations only: the same bits on every engine.
 */
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** Largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;

// MurmurHash3's 32-bit mixing steps: cheap, and every input bit reaches every output bit.
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const SALTS = [0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344] as const;

/** The 128-bit generator state of sample `index` under `seed` (four 32-bit words, never all zero). Pure. */
export function streamState(seed: number, index: number): [number, number, number, number] {
  const lo = index >>> 0;
  const hi = Math.floor(index / 4294967296) >>> 0;
  const state: [number, number, number, number] = [
    finish(mix(mix(mix(SALTS[0], seed), lo), hi) ^ 16),
    finish(mix(mix(mix(SALTS[1], seed), lo), hi) ^ 16),
    finish(mix(mix(mix(SALTS[2], seed), lo), hi) ^ 16),
    finish(mix(mix(mix(SALTS[3], seed), lo), hi) ^ 16),
  ];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1; // xoroshiro's one forbidden state
  return state;
}

/** The random stream of sample `index` under `seed`: a fresh pure-rand xoroshiro128+ generator. */
export function sampleStream(seed: number, index: number): RandomGenerator {
  return xoroshiro128plusFromState(streamState(seed, index));
}

/** A probability as an unsigned 32-bit threshold: a draw `u` (0 … 2³²−1) succeeds when u < threshold. Pure. */
export function thresholdOf(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must lie in [0, 1], not ${p}`);
  return Math.floor(p * 4294967296);
}
