// Option parsing for `qnet qec`: every bad value is a QnetError naming the option (exit 2).
import { DECODER_NAMES, type DecoderName, isDecoderName } from '../qec/decode-experiment.js';
import type { InterfaceScheme } from '../qec/modular-memory.js';
import { QnetError } from '../util/errors.js';

const usage = (message: string, hint?: string): QnetError =>
  new QnetError('E_USAGE', message, hint === undefined ? {} : { hint });

/** A whole number >= min. */
export function parseInteger(flag: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(n) || n < min)
    throw usage(
      `${flag} must be an integer ≥ ${min}, got '${raw}'`,
      `for example ${flag} ${Math.max(min, 3)}`,
    );
  return n;
}

/** A comma-separated list of whole numbers >= min. */
export function parseIntegerList(flag: string, raw: string, min: number): number[] {
  return raw.split(',').map((part) => parseInteger(flag, part.trim(), min));
}

/** A probability in [0, 1]; `open` excludes 0. */
export function parseProbability(flag: string, raw: string): number {
  const t = raw.trim();
  const p = Number(t);
  if (t === '' || !Number.isFinite(p) || p < 0 || p > 1)
    throw usage(`${flag} must be a probability between 0 and 1, got '${raw}'`, `for example ${flag} 0.001`);
  return p;
}

export function parseProbabilityList(flag: string, raw: string): number[] {
  return raw.split(',').map((part) => parseProbability(flag, part));
}

export function parseDecoder(raw: string | undefined): DecoderName {
  const name = raw ?? 'mwpm';
  if (!isDecoderName(name))
    throw usage(
      `--decoder must be one of ${DECODER_NAMES.join(', ')}, got '${name}'`,
      'mwpm is exact; uf is faster',
    );
  return name;
}

export function parseBasis(raw: string | undefined): 'x' | 'z' {
  const b = (raw ?? 'z').toLowerCase();
  if (b !== 'x' && b !== 'z') throw usage(`--basis must be x or z, got '${raw}'`);
  return b;
}

const SCHEMES: readonly InterfaceScheme[] = ['direct', 'cat', 'teleported'];

export function parseScheme(raw: string | undefined): InterfaceScheme {
  const s = raw ?? 'direct';
  if (!(SCHEMES as readonly string[]).includes(s))
    throw usage(`--scheme must be one of ${SCHEMES.join(', ')}, got '${s}'`);
  return s as InterfaceScheme;
}

export function parseSeed(raw: string | undefined): number {
  return raw === undefined ? 1 : parseInteger('--seed', raw, 0);
}

/** CPU time of this process in seconds (user + system). */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Wall clock in seconds, for the experiments' injectable `now`. */
export const wallSeconds = (): number => performance.now() / 1000;
