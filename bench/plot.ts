/** The scaling plot of `npm run bench -- --curve`: a dependency-free SVG of two panels over N. */

export interface ScalingPoint {
  jobs: number;
  jobSeconds: number;
  baselineWallSeconds: number;
  wallSeconds: number;
  overheadRatio: number;
  apiCalls: number;
  apiCallsPerJob: number;
  peakRequestsPerSecond: number;
  p95DetectionLagMs: number;
  providerPeakRssMb: number;
}

interface Series {
  label: string;
  color: string;
  values: number[];
  dashed?: boolean;
}

const W = 420;
const H = 300;
const M = { left: 52, right: 16, top: 34, bottom: 64 };

function niceMax(x: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** One panel: N evenly spaced on x (the sizes span two decades), a linear y from 0. */
function panel(x0: number, title: string, yLabel: string, ns: number[], series: Series[], notes?: string[]): string {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const yMax = niceMax(Math.max(...series.flatMap((s) => s.values)) * 1.1);
  const xAt = (i: number) => x0 + M.left + (ns.length === 1 ? plotW / 2 : (i * plotW) / (ns.length - 1));
  const yAt = (v: number) => M.top + plotH - (v / yMax) * plotH;
  const out: string[] = [];
  out.push(`<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-weight="bold">${title}</text>`);
  for (let k = 0; k <= 5; k++) {
    const v = (yMax * k) / 5;
    out.push(`<line x1="${x0 + M.left}" x2="${x0 + W - M.right}" y1="${yAt(v)}" y2="${yAt(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + M.left - 6}" y="${yAt(v) + 4}" text-anchor="end">${+v.toFixed(2)}</text>`);
  }
  ns.forEach((n, i) => {
    out.push(`<text x="${xAt(i)}" y="${M.top + plotH + 16}" text-anchor="middle">${n}</text>`);
    if (notes?.[i]) {
      out.push(`<text x="${xAt(i)}" y="${M.top + plotH + 30}" text-anchor="middle" fill="#666">${notes[i]}</text>`);
    }
  });
  out.push(`<text x="${x0 + M.left + plotW / 2}" y="${H - 8}" text-anchor="middle">jobs in the stack (N)</text>`);
  out.push(`<text transform="translate(${x0 + 14},${M.top + plotH / 2}) rotate(-90)" text-anchor="middle">` +
    `${yLabel}</text>`);
  series.forEach((s, j) => {
    const points = s.values.map((v, i) => `${xAt(i)},${yAt(v)}`).join(" ");
    out.push(`<polyline points="${points}" fill="none" stroke="${s.color}" stroke-width="2"` +
      `${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    for (const [i, v] of s.values.entries()) out.push(`<circle cx="${xAt(i)}" cy="${yAt(v)}" r="3" fill="${s.color}"/>`);
    const ly = M.top + 6 + j * 14;
    out.push(`<line x1="${x0 + M.left + 8}" x2="${x0 + M.left + 28}" y1="${ly}" y2="${ly}" stroke="${s.color}" ` +
      `stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ""}/>`);
    out.push(`<text x="${x0 + M.left + 32}" y="${ly + 4}">${s.label}</text>`);
  });
  return out.join("\n");
}

export function renderScalingSvg(points: ScalingPoint[]): string {
  const ns = points.map((p) => p.jobs);
  const d = points[0]?.jobSeconds ?? 0;
  const left = panel(0, `pulumi up of N CiMediaJobs of ${d} s`, "seconds", ns, [
    { label: "wall time", color: "#1f77b4", values: points.map((p) => p.wallSeconds) },
    { label: `ideal: ${d} s + baseline`, color: "#2ca02c", dashed: true,
      values: points.map((p) => p.jobSeconds + p.baselineWallSeconds) },
    { label: "baseline: N trivial resources", color: "#999", dashed: true,
      values: points.map((p) => p.baselineWallSeconds) },
  ], points.map((p) => `×${p.overheadRatio}`));
  const right = panel(W, "API calls per job and provider memory", "API calls per job", ns, [
    { label: "API calls per job (submit + polls)", color: "#d62728", values: points.map((p) => p.apiCallsPerJob) },
  ], points.map((p) => `${p.providerPeakRssMb} MB`));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" font-family="sans-serif" ` +
    `font-size="11">\n<rect width="100%" height="100%" fill="white"/>\n${left}\n${right}\n</svg>\n`;
}
