/** What is wrong with overlays typed by hand as JSON, in words, before they reach the address. Pure. */

/** The changes an overlay may make (src/sim/overlay.ts; a test keeps the two lists equal). */
export const CHANGE_OPS = ['add-treaty', 'drop-treaty', 'add-provision', 'drop-provision', 'add-convention', 'grant-transit', 'set-line', 'move-event', 'remove-event', 'set-parameter'];

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** The overlays in the text, or the first problem, naming the item and the field. Pure. */
export function readOverlaysText(text: string): { overlays: unknown[] } | { problem: string } {
  if (!text.trim()) return { overlays: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { problem: `the text is not JSON (${(e as Error).message})` };
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  for (const [i, item] of list.entries()) {
    const at = `overlay ${i + 1}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return { problem: `${at} is not an object with "id", "title" and "changes"` };
    const o = item as Record<string, unknown>;
    if (typeof o.id !== 'string' || !ID.test(o.id)) return { problem: `${at}: "id" must start with a letter and hold only letters, digits, "-" and "_"` };
    if (typeof o.title !== 'string' || !o.title.trim()) return { problem: `${at} (${o.id}): "title" must be some words` };
    if (!Array.isArray(o.changes) || o.changes.length === 0) return { problem: `${at} (${o.id}): "changes" must be a list of at least one change` };
    for (const [j, change] of o.changes.entries()) {
      const op = (change as { op?: unknown } | null)?.op;
      if (typeof op !== 'string' || !CHANGE_OPS.includes(op)) return { problem: `${at} (${o.id}), change ${j + 1}: "op" must be one of ${CHANGE_OPS.join(', ')}` };
    }
  }
  return { overlays: list };
}
