/** CI's time format, `2022-06-27T15:23:10+0800` (China Standard Time, as CI answers). */
export function ciTime(epochMs: number): string {
  return `${new Date(epochMs + 8 * 3600_000).toISOString().slice(0, 19)}+0800`;
}

/** Epoch ms of a CI time (`2022-06-27T15:23:10+0800`); NaN for `-` or anything else. */
export function parseCiTime(text: string | undefined): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)([+-]\d\d)(\d\d)$/.exec(text ?? "");
  return m ? Date.parse(`${m[1]}${m[2]}:${m[3]}`) : NaN;
}
