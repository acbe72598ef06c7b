/** The names CI gives a job's outputs, and the prefix it reports them under. */

/** `${Number}` counts from 0; `${jobid}` is the job id; `${ext}` the format written. */
export function expand(template: string, job: { jobId: string }, count: number, ext: string): string[] {
  const named = template.replace(/\$\{jobid\}/gi, job.jobId)
    .replace(/\$\{ext\}/g, ext);
  if (!/\$\{[Nn]umber\}/.test(named)) return [named];
  return Array.from({ length: count }, (_, i) => named.replace(/\$\{[Nn]umber\}/g, String(i)));
}

/** The longest prefix all the names share (CI's ObjectPrefix). */
export function commonPrefix(names: string[]): string {
  const first = names[0] ?? "";
  let i = 0;
  while (i < first.length && names.every((n) => n[i] === first[i])) i++;
  return first.slice(0, i);
}
