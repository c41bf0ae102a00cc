// Stim's Pauli noise channels as tables of disjoint Pauli errors, shared by the engines that sample
// noise (stabilizer: one draw per target group; frame: a geometric skip to the next error, then which).
// A Pauli is coded as bits x0 z0 x1 z1 (bit 0 = x on the first target, …): X = x, Z = z, Y = x and z.
import type { NoiseChannel } from '../circuit/ir.js';
import type { Rng } from '../util/rng.js';

// I, X, Y, Z in Stim's letter order, as (x | z << 1).
const LETTER_BITS = [0, 1, 3, 2] as const;

/** The disjoint errors of a channel: error k has probability `probability[k]` and Pauli `pauli[k]`. */
export interface PauliChannelTable {
  readonly arity: 1 | 2;
  /** Probability that some error happens. */
  readonly total: number;
  readonly pauli: Uint8Array;
  readonly probability: Float64Array;
  /** All errors equally likely (the depolarizing channels): pick one by index. */
  readonly uniform: boolean;
}

// PAULI_CHANNEL_2's 15 arguments follow Stim: IX IY IZ XI XX … ZZ, first letter on the first target.
const TWO_QUBIT = Uint8Array.from({ length: 15 }, (_, i) => {
  const k = i + 1;
  return LETTER_BITS[k >> 2]! | (LETTER_BITS[k & 3]! << 2);
});
const ONE_QUBIT = Uint8Array.of(1, 3, 2);

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function channelArity(channel: NoiseChannel): 1 | 2 {
  return channel === 'depolarize2' || channel === 'pauli_channel_2' ? 2 : 1;
}

export function channelTable(channel: NoiseChannel, probabilities: readonly number[]): PauliChannelTable {
  const p = probabilities[0] ?? 0;
  const make = (arity: 1 | 2, pauli: Uint8Array, probability: number[]): PauliChannelTable => ({
    arity,
    total: Math.min(1, sum(probability)),
    pauli,
    probability: Float64Array.from(probability),
    uniform: probability.every((q) => q === probability[0]),
  });
  switch (channel) {
    case 'x_error':
      return make(1, Uint8Array.of(1), [p]);
    case 'y_error':
      return make(1, Uint8Array.of(3), [p]);
    case 'z_error':
      return make(1, Uint8Array.of(2), [p]);
    case 'depolarize1':
      return make(1, ONE_QUBIT, [p / 3, p / 3, p / 3]);
    case 'pauli_channel_1':
      return make(1, ONE_QUBIT, [probabilities[0] ?? 0, probabilities[1] ?? 0, probabilities[2] ?? 0]);
    case 'depolarize2':
      return make(2, TWO_QUBIT, new Array<number>(15).fill(p / 15));
    case 'pauli_channel_2':
      return make(
        2,
        TWO_QUBIT,
        Array.from({ length: 15 }, (_, i) => probabilities[i] ?? 0),
      );
  }
}

/** Which error happened, given that one did: error k with probability probability[k] / total. */
export function pickError(table: PauliChannelTable, rng: Rng): number {
  const n = table.pauli.length;
  if (n === 1) return table.pauli[0]!;
  let u = rng.next() * table.total;
  for (let k = 0; k < n - 1; k++) {
    u -= table.probability[k]!;
    if (u < 0) return table.pauli[k]!;
  }
  // u is in the last error's share, or (rounding) a hair past it: the last error with weight takes it.
  for (let k = n - 1; k > 0; k--) if (table.probability[k]! > 0) return table.pauli[k]!;
  return table.pauli[0]!;
}

/** One draw from the channel for one target group: 0 for no error, else the Pauli's bits. */
export function samplePauli(channel: NoiseChannel, probabilities: readonly number[], rng: Rng): number {
  const table = channelTable(channel, probabilities);
  if (table.total <= 0 || rng.next() >= table.total) return 0;
  return pickError(table, rng);
}
