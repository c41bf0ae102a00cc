// One rule for every name a scenario defines (nodes, links, presets): names become RNG stream keys
// and trace labels such as `node/A/link/0`, so they must not contain '/' or spaces.
import { z } from 'zod';

export const ID_PATTERN = /^[A-Za-z][\w.-]*$/;
export const ID_RULE = 'start with a letter, then use only letters, digits, _, . or -';

export const idSchema = () => z.string().regex(ID_PATTERN, { error: `names must ${ID_RULE}` });

/** A valid name close to `text`, for hints: bad characters become '-', a leading non-letter gets 'n'. */
export function suggestId(text: string): string {
  const cleaned = text.replace(/[^\w.-]+/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `n${cleaned}`;
}
