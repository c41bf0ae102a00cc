// Shared pieces of the device models: the shape of a named preset and the field checks that turn
// an impossible value into a QnetError naming the field path, so a scenario file can point at it.
import { QnetError } from '../util/errors.js';

export type FieldPath = readonly (string | number)[];

/** A named parameter set with a one-line description and where its numbers come from. */
export interface HardwarePreset<P> {
  readonly description: string;
  readonly source: string;
  readonly params: Readonly<P>;
}

export const E_HARDWARE = 'E_HARDWARE_PARAM';

export interface NumberRule {
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Exclusive lower bound. */
  readonly above?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive upper bound. */
  readonly below?: number;
  readonly integer?: boolean;
  /** What the field means and its unit, for the hint, e.g. 'T1 in microseconds'. */
  readonly meaning: string;
}

function describeRule(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.integer) parts.push('a whole number');
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  if (rule.below !== undefined) parts.push(`< ${rule.below}`);
  return parts.join(', ');
}

/** Throws a QnetError at `[...path, field]` unless `params[field]` is a finite number within `rule`. */
export function checkNumber(params: object, field: string, path: FieldPath, rule: NumberRule): number {
  const value: unknown = (params as Record<string, unknown>)[field];
  const at = [...path, field];
  const expected = describeRule(rule);
  const hint = `${field} is ${rule.meaning}${expected ? `; it must be ${expected}` : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new QnetError(E_HARDWARE, `${field} must be a finite number (got ${String(value)})`, {
      path: at,
      hint,
    });
  }
  const bad =
    (rule.integer === true && !Number.isInteger(value)) ||
    (rule.min !== undefined && value < rule.min) ||
    (rule.above !== undefined && value <= rule.above) ||
    (rule.max !== undefined && value > rule.max) ||
    (rule.below !== undefined && value >= rule.below);
  if (bad) throw new QnetError(E_HARDWARE, `${field} = ${value} is out of range`, { path: at, hint });
  return value;
}

/** Throws a QnetError at `[...path, field]` unless `params[field]` is one of `options`. */
export function checkOneOf<T extends string>(
  params: object,
  field: string,
  path: FieldPath,
  options: readonly T[],
  meaning: string,
): T {
  const value: unknown = (params as Record<string, unknown>)[field];
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  throw new QnetError(E_HARDWARE, `${field} = ${JSON.stringify(value)} is not a known value`, {
    path: [...path, field],
    hint: `${field} is ${meaning}; use one of ${options.join(', ')}`,
  });
}

/** A probability or efficiency in [0, 1]. */
export const probability = (meaning: string): NumberRule => ({ min: 0, max: 1, meaning });
/** A duration, rate or size that must be strictly positive. */
export const positive = (meaning: string): NumberRule => ({ above: 0, meaning });
/** A quantity that may be zero but not negative. */
export const nonNegative = (meaning: string): NumberRule => ({ min: 0, meaning });

/** Throws the cross-field error `message` at `[...path, field]`. */
export function fail(path: FieldPath, field: string, message: string, hint: string): never {
  throw new QnetError(E_HARDWARE, message, { path: [...path, field], hint });
}

/** Deep-freezes a preset table so no caller can change a preset for everyone else. */
export function freezePresets<T extends Record<string, HardwarePreset<object>>>(table: T): T {
  const freeze = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  };
  freeze(table);
  return table;
}

/** Frozen copy of `defaults` overlaid with `overrides` (keys set to undefined are ignored). */
export function withDefaults<P extends object>(defaults: P, overrides: Partial<P>): P {
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out[k] = v;
  return Object.freeze(out) as P;
}
