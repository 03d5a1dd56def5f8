/**
 * The game's own random stream: Mulberry32 over one unsigned 32-bit word, kept in the game state so
 * that moves stay pure and a replay draws the same numbers (boardgame.io keeps its PRNG state the
 * same way). Integer operations only: the same bits on every engine.
 */

/** The first state of a game's stream under a seed. Pure. */
export function streamOf(seed: number): number {
  return seed >>> 0;
}

/** One draw: an unsigned 32-bit number and the next state. Pure. */
export function draw(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: (t ^ (t >>> 14)) >>> 0, state: next };
}

/** A draw as a number in [0, 1). Pure. */
export function uniform(value: number): number {
  return value / 4294967296;
}
