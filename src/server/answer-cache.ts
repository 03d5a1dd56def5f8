/**
 * Lean resolve answers remembered as JSON text, keyed by the scenario's content hash and the checked
 * request. Resolving is deterministic (same scenario and request, same answer), and a crisis lab or a
 * class asks the same questions again and again; a remembered answer costs what `/api/health` costs.
 * Bounded in entries and bytes, least recently used first out. A request with `Cache-Control: no-cache`
 * is resolved afresh (and its answer remembered).
 */

export class AnswerCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  /** At most `maxEntries` answers and about `maxChars` characters in all. */
  constructor(
    private readonly maxEntries = 512,
    private readonly maxChars = 16 * 1024 * 1024,
  ) {}

  /** The remembered answer, marked as most recently used. */
  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, text);
    }
    return text;
  }

  /** Remembers an answer; forgets the least recently used ones beyond the bounds. */
  set(key: string, text: string): void {
    if (text.length > this.maxChars) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, text);
    this.bytes += text.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxChars) {
      const [oldest, value] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
