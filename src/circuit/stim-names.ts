// What each Stim instruction name means to qnet: a unitary gate, a measurement, a reset, a noise
// channel, an annotation, or a Stim instruction qnet knows but cannot represent. Names are looked up
// case-insensitively, as Stim does.

import { nearNames } from '../util/near-names.js';
import type { Basis, NoiseChannel } from './ir.js';
import { STIM_GATE_NAMES, stimGate } from './stim-gates.js';

export type StimEntry =
  | {
      type: 'gate';
      stim: string;
      gate: string;
      arity: 1 | 2;
      /** Present on gates Stim lets take a rec[-k] control (classically controlled Paulis). */
      feedback?: Feedback;
    }
  | { type: 'measure'; stim: string; basis: Basis; reset: boolean }
  | { type: 'reset'; stim: string; basis: Basis }
  | { type: 'noise'; stim: string; channel: NoiseChannel; arity: 1 | 2; argCount: number }
  | { type: 'detector' | 'observable' | 'tick' | 'qubit_coords' | 'shift_coords' | 'repeat'; stim: string }
  | { type: 'unsupported'; stim: string; hint: string };

/**
 * A two-qubit gate used as feedback: which side of the pair may be rec[-k] (the Z-basis control side in
 * Stim's convention) and the Pauli the other side then receives.
 */
export interface Feedback {
  recordSide: 0 | 1 | 'either';
  pauli: 'x' | 'y' | 'z';
}

// Stim allows record controls on exactly these gates, on the side that acts as a Z-basis control.
const FEEDBACK: ReadonlyMap<string, Feedback> = new Map<string, Feedback>([
  ['cx', { recordSide: 0, pauli: 'x' }],
  ['cy', { recordSide: 0, pauli: 'y' }],
  ['cz', { recordSide: 'either', pauli: 'z' }],
  ['xcz', { recordSide: 1, pauli: 'x' }],
  ['ycz', { recordSide: 1, pauli: 'y' }],
]);

/** The Stim gate that prints a record-controlled Pauli (`CX rec[-1] 3` for a controlled x). */
export const FEEDBACK_PRINT_NAME: Readonly<Record<'x' | 'y' | 'z', string>> = { x: 'CX', y: 'CY', z: 'CZ' };

const DECOMPOSE = 'rewrite it with the gates, measurements and noise channels qnet reads';

const OTHERS: readonly StimEntry[] = [
  { type: 'measure', stim: 'M', basis: 'Z', reset: false },
  { type: 'measure', stim: 'MX', basis: 'X', reset: false },
  { type: 'measure', stim: 'MY', basis: 'Y', reset: false },
  { type: 'measure', stim: 'MR', basis: 'Z', reset: true },
  { type: 'measure', stim: 'MRX', basis: 'X', reset: true },
  { type: 'measure', stim: 'MRY', basis: 'Y', reset: true },
  { type: 'reset', stim: 'R', basis: 'Z' },
  { type: 'reset', stim: 'RX', basis: 'X' },
  { type: 'reset', stim: 'RY', basis: 'Y' },
  { type: 'noise', stim: 'X_ERROR', channel: 'x_error', arity: 1, argCount: 1 },
  { type: 'noise', stim: 'Y_ERROR', channel: 'y_error', arity: 1, argCount: 1 },
  { type: 'noise', stim: 'Z_ERROR', channel: 'z_error', arity: 1, argCount: 1 },
  { type: 'noise', stim: 'DEPOLARIZE1', channel: 'depolarize1', arity: 1, argCount: 1 },
  { type: 'noise', stim: 'DEPOLARIZE2', channel: 'depolarize2', arity: 2, argCount: 1 },
  { type: 'noise', stim: 'PAULI_CHANNEL_1', channel: 'pauli_channel_1', arity: 1, argCount: 3 },
  { type: 'noise', stim: 'PAULI_CHANNEL_2', channel: 'pauli_channel_2', arity: 2, argCount: 15 },
  { type: 'detector', stim: 'DETECTOR' },
  { type: 'observable', stim: 'OBSERVABLE_INCLUDE' },
  { type: 'tick', stim: 'TICK' },
  { type: 'qubit_coords', stim: 'QUBIT_COORDS' },
  { type: 'shift_coords', stim: 'SHIFT_COORDS' },
  { type: 'repeat', stim: 'REPEAT' },
  ...['MPP', 'MXX', 'MYY', 'MZZ', 'SPP', 'SPP_DAG'].map(
    (stim): StimEntry => ({
      type: 'unsupported',
      stim,
      hint: 'qnet has no Pauli-product operations: rotate each factor to Z, use CX onto one qubit, then M',
    }),
  ),
  ...['E', 'CORRELATED_ERROR', 'ELSE_CORRELATED_ERROR'].map(
    (stim): StimEntry => ({
      type: 'unsupported',
      stim,
      hint: 'qnet has no correlated errors: use X_ERROR/Y_ERROR/Z_ERROR or the PAULI_CHANNEL_* channels',
    }),
  ),
  ...['MPAD', 'HERALDED_ERASE', 'HERALDED_PAULI_CHANNEL_1', 'I_ERROR', 'II_ERROR', 'II'].map(
    (stim): StimEntry => ({ type: 'unsupported', stim, hint: DECOMPOSE }),
  ),
  ...['CXSWAP', 'SWAPCX', 'CZSWAP', 'SWAPCZ', 'H_NXY', 'H_NXZ', 'H_NYZ'].map(
    (stim): StimEntry => ({ type: 'unsupported', stim, hint: `not in qnet's gate table: ${DECOMPOSE}` }),
  ),
  ...['C_NXYZ', 'C_XNYZ', 'C_XYNZ', 'C_NZYX', 'C_ZNYX', 'C_ZYNX'].map(
    (stim): StimEntry => ({ type: 'unsupported', stim, hint: `not in qnet's gate table: ${DECOMPOSE}` }),
  ),
];

// Stim's alternative spellings of the instructions above (gate aliases come with the gate table).
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['MZ', 'M'],
  ['MRZ', 'MR'],
  ['RZ', 'R'],
]);

function gateEntry(stim: string): StimEntry | undefined {
  const gate = stimGate(stim);
  if (gate === undefined) return undefined;
  const feedback = FEEDBACK.get(gate.name);
  return feedback === undefined
    ? { type: 'gate', stim, gate: gate.name, arity: gate.arity }
    : { type: 'gate', stim, gate: gate.name, arity: gate.arity, feedback };
}

// Built once: every spelling (primary and alias, upper case) to its entry, so a line costs one lookup.
// An alias gets its own entry carrying its spelling, so messages name what the user wrote.
const ENTRIES: ReadonlyMap<string, StimEntry> = (() => {
  const map = new Map<string, StimEntry>();
  for (const entry of OTHERS) map.set(entry.stim, entry);
  for (const stim of STIM_GATE_NAMES) {
    const entry = gateEntry(stim);
    if (entry !== undefined) map.set(stim, entry);
  }
  for (const [alias, primary] of ALIASES) {
    const entry = map.get(primary);
    if (entry !== undefined) map.set(alias, { ...entry, stim: alias });
  }
  return map;
})();

/** Every name the parser accepts (upper case), for "did you mean" hints. */
export const STIM_NAMES: readonly string[] = [...ENTRIES.keys()].filter(
  (name) => ENTRIES.get(name)?.type !== 'unsupported',
);

/** The meaning of a Stim instruction name in any letter case, or undefined if Stim has no such name. */
export function lookupStim(name: string): StimEntry | undefined {
  return ENTRIES.get(name) ?? ENTRIES.get(name.toUpperCase());
}

/** The accepted name nearest to `name` by edit distance, if it is close enough to be a typo. */
export function nearestStimName(name: string): string | undefined {
  return nearNames(name, STIM_NAMES, 1)[0];
}
