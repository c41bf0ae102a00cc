// The outcome tables `qnet simulate` and `qnet execute` print: most likely outcomes first, cut at
// MAX_ROWS with a pointer to --json for the rest.
import { formatNumber, formatTable } from '../report/table.js';

const MAX_ROWS = 32;

export interface Outcomes {
  probabilities?: Record<string, number> | undefined;
  counts?: Record<string, number> | undefined;
  shots?: number | undefined;
}

/** Lines to append to a summary: a blank line and a table per kind of outcome present. */
export function outcomeTables(r: Outcomes): string[] {
  const lines: string[] = [];
  const table = (title: string, entries: [string, number][]) => {
    const top = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_ROWS);
    lines.push(
      '',
      formatTable(
        ['outcome', title],
        top.map(([k, v]) => [k === '' ? '(none)' : k, formatNumber(v, 6)]),
      ),
    );
    if (entries.length > MAX_ROWS)
      lines.push(`... ${entries.length - MAX_ROWS} more outcomes (use --json for all)`);
  };
  if (r.probabilities) table('probability', Object.entries(r.probabilities));
  if (r.counts) table(`count of ${r.shots}`, Object.entries(r.counts));
  return lines;
}
