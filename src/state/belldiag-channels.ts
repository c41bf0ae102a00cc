// Noise on Bell-diagonal states in closed form. A Pauli on either qubit XORs the label (see
// belldiag-state.ts), so a Pauli channel turns the weights into their XOR-convolution with the
// channel's distribution of label shifts: Bell-diagonal in, Bell-diagonal out, exactly.
import type { NoiseChannel } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';
import { type BellDiagonal, xorConvolve } from './belldiag-state.js';
import { checkProbability, pauliWeights } from './density-channels.js';
import { idleChannel } from './density-decoherence.js';
import { channelArity } from './pauli-noise.js';

/** Label shift (x | z << 1) of each Pauli letter in Stim's order I, X, Y, Z. */
const LETTER_SHIFT = [0, 1, 3, 2] as const;

/**
 * The distribution of label shifts caused by an IR Pauli channel on one qubit, or on both qubits of
 * the pair (a two-qubit Pauli P ⊗ Q shifts the label by P XOR Q).
 */
export function labelShifts(channel: NoiseChannel, probabilities: readonly number[]): number[] {
  const weights = pauliWeights(channel, probabilities);
  const shifts = [0, 0, 0, 0];
  if (channelArity(channel) === 1) {
    weights.forEach((w, letter) => {
      shifts[LETTER_SHIFT[letter]!]! += w;
    });
  } else {
    weights.forEach((w, i) => {
      shifts[LETTER_SHIFT[i >> 2]! ^ LETTER_SHIFT[i & 3]!]! += w;
    });
  }
  return shifts;
}

/** An IR Pauli channel on one qubit (or, for the two-qubit channels, on both). */
export function applyPauliNoise(
  c: BellDiagonal,
  channel: NoiseChannel,
  probabilities: readonly number[],
): BellDiagonal {
  return xorConvolve(c, labelShifts(channel, probabilities));
}

/** Depolarising on one qubit, Stim's convention: X, Y, Z each with probability p/3. */
export function depolarize(c: BellDiagonal, p: number): BellDiagonal {
  checkProbability(p, 'depolarizing probability');
  return xorConvolve(c, [1 - p, p / 3, p / 3, p / 3]);
}

/** Dephasing on one qubit: Z with probability p (Φ+ ↔ Φ−, Ψ+ ↔ Ψ−). */
export function dephase(c: BellDiagonal, p: number): BellDiagonal {
  checkProbability(p, 'dephasing probability');
  return xorConvolve(c, [1 - p, 0, p, 0]);
}

/**
 * One qubit of the pair idling for `durationPs` under T1/T2 (picoseconds), TWIRLED: amplitude
 * damping is not a Pauli channel and makes Bell-basis coherences (e.g. it tips |11⟩ into |01⟩),
 * which a Bell-diagonal state cannot hold. Its Pauli twirl keeps exactly the Bell-basis diagonal of
 * the true state (the weights, hence the fidelity, are exact); only the off-diagonal part is lost.
 */
export function idle(c: BellDiagonal, durationPs: number, t1Ps: number, t2Ps: number): BellDiagonal {
  const { gamma, coherence } = idleChannel(durationPs, t1Ps, t2Ps);
  // Pauli twirl of T1/T2 decay (Ghosh, Fowler, Geller, PRA 86, 062318, 2012): p_X = p_Y = γ/4, p_Z = (1 − e^{−t/T2})/2 − γ/4.
  const px = gamma / 4;
  const pz = Math.max(0, (1 - coherence) / 2 - gamma / 4);
  return xorConvolve(c, [1 - 2 * px - pz, px, pz, px]);
}

/** Which of the pair's qubits a noise call names: both for the two-qubit channels. */
export function checkNoiseTargets(channel: NoiseChannel, targets: readonly number[]): void {
  const arity = channelArity(channel);
  const ok =
    arity === 1
      ? targets.every((q) => q === 0 || q === 1)
      : targets.length % 2 === 0 &&
        targets.every((q, i) => (q === 0 || q === 1) && (i % 2 === 0 || q !== targets[i - 1]));
  if (!ok) {
    throw new QnetError(
      'E_NOISE',
      `${channel} on targets [${targets.join(', ')}]: a Bell pair has qubits 0 and 1${arity === 2 ? ', taken as a distinct pair' : ''}`,
    );
  }
}
