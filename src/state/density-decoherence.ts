// Memory decoherence for an explicit duration (state/ knows nothing of time: the caller says how long
// a qubit idled). Shared by the density engine (exact channel) and the Bell-diagonal engine (its
// Pauli twirl).
import { QnetError } from '../util/errors.js';

export interface IdleChannel {
  /** Amplitude damping probability γ = 1 − exp(−t/T1). */
  gamma: number;
  /** Extra pure-dephasing probability (Z with this probability) after the damping. */
  dephasing: number;
  /** Factor on the coherences ρ01 overall: exp(−t/T2). */
  coherence: number;
}

function checkPositive(value: number, field: string): void {
  if (!(value > 0)) {
    throw new QnetError('E_DECOHERENCE', `${field} = ${value} must be a positive time in picoseconds`, {
      path: [field],
      hint: 'use Infinity for a qubit that does not decay',
    });
  }
}

/**
 * The channel of a qubit idling for `durationPs` with relaxation time `t1Ps` and coherence time
 * `t2Ps` (Infinity: no decay). Refuses T2 > 2·T1, which no physical qubit has.
 */
export function idleChannel(durationPs: number, t1Ps: number, t2Ps: number): IdleChannel {
  if (!(Number.isFinite(durationPs) && durationPs >= 0)) {
    throw new QnetError('E_DECOHERENCE', `durationPs = ${durationPs} must be a finite time >= 0`, {
      path: ['durationPs'],
    });
  }
  checkPositive(t1Ps, 't1Ps');
  checkPositive(t2Ps, 't2Ps');
  // REFERENCES.md, Memories: T2 <= 2 T1.
  if (t2Ps > 2 * t1Ps) {
    throw new QnetError('E_DECOHERENCE', `t2Ps = ${t2Ps} exceeds 2·t1Ps = ${2 * t1Ps}`, {
      path: ['t2Ps'],
      hint: 'coherences cannot outlive twice the relaxation time: lower T2 or raise T1',
    });
  }
  // REFERENCES.md, Memories: gamma = 1 − exp(−t/T1), coherences decay as exp(−t/T2).
  const gamma = -Math.expm1(-durationPs / t1Ps);
  const coherence = Math.exp(-durationPs / t2Ps);
  // Damping alone leaves √(1−γ) = exp(−t/2T1) of each coherence; dephasing with probability p
  // multiplies it by 1 − 2p, so 1 − 2p = exp(−t/T2 + t/2T1) (≤ 1 because T2 ≤ 2 T1).
  const rest = Math.exp(-durationPs / t2Ps + durationPs / (2 * t1Ps));
  const dephasing = Math.max(0, (1 - Math.min(1, rest)) / 2);
  return { gamma, dephasing, coherence };
}
