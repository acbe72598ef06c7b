/** CI's time format, `2022-06-27T15:23:10+0800` (China Standard Time, as CI answers). */
export function ciTime(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 19)}+0800`;
}
