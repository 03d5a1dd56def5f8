/** Calendar arithmetic for the timeline slider, on UTC days. Pure. */

const MS = 86_400_000;

/** Days from `from` to `day`. */
export function dayIndex(from: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS);
}

/** The day `index` days after `from`. */
export function dayAt(from: string, index: number): string {
  return new Date(Date.parse(`${from}T00:00:00Z`) + index * MS).toISOString().slice(0, 10);
}
