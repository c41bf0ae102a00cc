// "Did you mean" for unknown names in circuits.
import { nearNames } from '../util/near-names.js';

/** "did you mean 'a' or 'b'?" for a hint, or undefined when nothing is near. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const near = nearNames(word, candidates);
  if (near.length === 0) return undefined;
  return `did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`;
}
