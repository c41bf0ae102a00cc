// Spelling help for error hints: the candidates nearest a mistyped name, by edit distance.

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring letters
 * as one edit each (optimal string alignment), since `fiber` for `fibre` is one slip.
 */
export function editDistance(a: string, b: string): number {
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Up to `max` candidates within a plausible typo of `word` (a third of its length, at least one
 * edit, so one-letter slips on short names still count; case ignored), nearest first, ties in
 * alphabetical order so that hints do not depend on how candidates happen to be listed.
 */
export function nearNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return [...new Set(scored.map(([, c]) => c))].slice(0, max);
}
