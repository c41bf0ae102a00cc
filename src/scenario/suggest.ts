// Spelling help for error hints: "did you mean ...?" chosen by edit distance.
import { nearNames } from '../util/near-names.js';

export { editDistance } from '../util/near-names.js';

/** The candidate closest to `word`, if it is close enough to be a plausible typo (see nearNames). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return nearNames(word, candidates, 1)[0];
}

/** `did you mean 'x'? ` (with the trailing space) or the empty string. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const guess = closest(word, candidates);
  return guess === undefined ? '' : `did you mean '${guess}'? `;
}

/** A human list of names, shortened after `max` entries so hints stay one line. */
export function listNames(names: readonly string[], max = 12): string {
  if (names.length === 0) return '(none)';
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}
