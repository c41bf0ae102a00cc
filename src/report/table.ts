export type Align = 'left' | 'right';

/** A plain-text table with a header rule; numbers are right-aligned unless told otherwise. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (cell: string, i: number): string =>
    (align?.[i] ?? (i === 0 ? 'left' : 'right')) === 'left'
      ? cell.padEnd(widths[i] ?? 0)
      : cell.padStart(widths[i] ?? 0);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => pad(c, i))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number to about four significant figures, in plain or exponent form as fits. */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (Number.isInteger(x)) return x.toLocaleString('en-US');
    return Number(x.toPrecision(digits)).toLocaleString('en-US', { maximumSignificantDigits: digits });
  }
  return x.toExponential(digits - 1);
}
