// "Did you mean" for unknown names in circuits: the nearest candidates by edit distance.

/** Levenshtein distance with adjacent swaps counted as one edit (optimal string alignment). */
function distance(a: string, b: string): number {
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
 * edit; case ignored), nearest first.
 */
export function nearNames(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
  return [...new Set(scored.map(([, c]) => c))].slice(0, max);
}

/** "did you mean 'a' or 'b'?" for a hint, or undefined when nothing is near. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const near = nearNames(word, candidates);
  if (near.length === 0) return undefined;
  return `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`;
}
