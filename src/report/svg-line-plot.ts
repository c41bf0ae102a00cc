// A small SVG line plot: several series of (x, y) points with optional error bars, linear or
// logarithmic axes, a legend and axis labels. Pure string generation, no DOM, so it runs anywhere.

export interface PlotPoint {
  x: number;
  y: number;
  /** Error bar from yLow to yHigh (e.g. a 95% interval). */
  yLow?: number;
  yHigh?: number;
}

export interface PlotSeries {
  label: string;
  points: readonly PlotPoint[];
}

export interface LinePlotOptions {
  title?: string;
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
  /** Dashed vertical reference lines, e.g. an estimated threshold. */
  verticalLines?: readonly { x: number; label: string }[];
}

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Short tick label: 0.05, 1e-3, 120. */
function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-2 && a < 1e4) return String(Number(v.toPrecision(3)));
  const e = Math.floor(Math.log10(a));
  const m = Number((v / 10 ** e).toPrecision(2));
  return m === 1 ? `1e${e}` : `${m}e${e}`;
}

function niceStep(span: number, target: number): number {
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
  ticks: number[];
}

function axis(values: readonly number[], log: boolean): Axis {
  const finite = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (finite.length === 0)
    return { lo: log ? 1e-3 : 0, hi: 1, log, ticks: log ? [1e-3, 1e-2, 1e-1, 1] : [0, 1] };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (log) {
    const a = Math.floor(Math.log10(lo));
    let b = Math.ceil(Math.log10(hi));
    if (b === a) b = a + 1;
    const ticks: number[] = [];
    for (let e = a; e <= b; e++) ticks.push(10 ** e);
    return { lo: 10 ** a, hi: 10 ** b, log, ticks };
  }
  if (hi === lo) {
    hi = lo + 1;
    lo = lo - 1;
  }
  const step = niceStep(hi - lo, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = lo; t <= hi + step / 2; t += step) ticks.push(Number(t.toPrecision(12)));
  return { lo, hi, log, ticks };
}

function scale(ax: Axis, v: number, from: number, to: number): number {
  const f = ax.log
    ? (Math.log10(v) - Math.log10(ax.lo)) / (Math.log10(ax.hi) - Math.log10(ax.lo))
    : (v - ax.lo) / (ax.hi - ax.lo);
  return from + f * (to - from);
}

const fmt = (v: number): string => v.toFixed(1);

/** The plot as a standalone SVG document. Points with y ≤ 0 are left out on a log axis. */
export function svgLinePlot(series: readonly PlotSeries[], options: LinePlotOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 440;
  const logY = options.logY ?? false;
  const logX = options.logX ?? false;
  const left = 78;
  const right = width - 150;
  const top = options.title ? 40 : 20;
  const bottom = height - 56;
  const keep = (p: PlotPoint): boolean =>
    Number.isFinite(p.x) && Number.isFinite(p.y) && (!logY || p.y > 0) && (!logX || p.x > 0);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of series)
    for (const p of s.points) {
      if (!keep(p)) continue;
      xs.push(p.x);
      ys.push(p.y);
      if (p.yLow !== undefined && (!logY || p.yLow > 0)) ys.push(p.yLow);
      if (p.yHigh !== undefined) ys.push(p.yHigh);
    }
  for (const v of options.verticalLines ?? []) xs.push(v.x);
  const ax = axis(xs, logX);
  const ay = axis(ys, logY);
  const X = (v: number): number => scale(ax, v, left, right);
  const Y = (v: number): number => scale(ay, v, bottom, top);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  // A <title> names the figure for screen readers (and satisfies SVG accessibility lint).
  out.push(`<title>${escapeXml(options.title ?? `${options.yLabel} against ${options.xLabel}`)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="white"/>`);
  if (options.title)
    out.push(
      `<text x="${fmt((left + right) / 2)}" y="22" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`,
    );
  // Grid and ticks.
  for (const t of ax.ticks) {
    const x = fmt(X(t));
    out.push(`<line x1="${x}" y1="${fmt(top)}" x2="${x}" y2="${fmt(bottom)}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${x}" y="${fmt(bottom + 16)}" text-anchor="middle">${escapeXml(tickLabel(t))}</text>`);
  }
  for (const t of ay.ticks) {
    const y = fmt(Y(t));
    out.push(`<line x1="${fmt(left)}" y1="${y}" x2="${fmt(right)}" y2="${y}" stroke="#e0e0e0"/>`);
    out.push(
      `<text x="${fmt(left - 6)}" y="${fmt(Y(t) + 4)}" text-anchor="end">${escapeXml(tickLabel(t))}</text>`,
    );
  }
  out.push(
    `<rect x="${fmt(left)}" y="${fmt(top)}" width="${fmt(right - left)}" height="${fmt(bottom - top)}" fill="none" stroke="black"/>`,
  );
  out.push(
    `<text x="${fmt((left + right) / 2)}" y="${fmt(height - 14)}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
  );
  out.push(
    `<text x="16" y="${fmt((top + bottom) / 2)}" text-anchor="middle" transform="rotate(-90 16 ${fmt((top + bottom) / 2)})">${escapeXml(options.yLabel)}</text>`,
  );
  for (const v of options.verticalLines ?? []) {
    const x = fmt(X(v.x));
    out.push(
      `<line x1="${x}" y1="${fmt(top)}" x2="${x}" y2="${fmt(bottom)}" stroke="#555" stroke-dasharray="5,4"/>`,
    );
    out.push(
      `<text x="${x}" y="${fmt(top + 14)}" text-anchor="start" dx="4" fill="#555">${escapeXml(v.label)}</text>`,
    );
  }
  // Series: error bars, the line, the markers.
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length] as string;
    const pts = s.points.filter(keep);
    out.push(`<g class="series" stroke="${colour}" fill="${colour}">`);
    for (const p of pts) {
      if (p.yLow === undefined || p.yHigh === undefined) continue;
      const lo = logY && p.yLow <= 0 ? ay.lo : Math.max(p.yLow, ay.lo);
      const x = fmt(X(p.x));
      out.push(`<line x1="${x}" y1="${fmt(Y(lo))}" x2="${x}" y2="${fmt(Y(Math.min(p.yHigh, ay.hi)))}"/>`);
    }
    out.push(
      `<polyline fill="none" stroke-width="1.8" points="${pts.map((p) => `${fmt(X(p.x))},${fmt(Y(p.y))}`).join(' ')}"/>`,
    );
    for (const p of pts) out.push(`<circle cx="${fmt(X(p.x))}" cy="${fmt(Y(p.y))}" r="3"/>`);
    out.push('</g>');
    const ly = top + 10 + 20 * i;
    out.push(
      `<line x1="${fmt(right + 14)}" y1="${fmt(ly)}" x2="${fmt(right + 38)}" y2="${fmt(ly)}" stroke="${colour}" stroke-width="2"/>`,
    );
    out.push(`<text x="${fmt(right + 44)}" y="${fmt(ly + 4)}">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
