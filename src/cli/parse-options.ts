import { QnetError } from '../util/errors.js';

/** A non-negative whole number given on the command line. */
export function parseCount(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n)) {
    throw new QnetError('E_USAGE', `${flag} expects a non-negative whole number, got '${raw}'`, {
      hint: `for example ${flag} 42`,
    });
  }
  return n;
}

/** Commander collector for repeatable options such as --set. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
