// Noise channels of the runtime as Pauli channels a circuit can carry: memory decay of an idle
// qubit, and the state of a freshly generated e-bit.
import type { NoiseOp } from '../circuit/ir.js';
import { PS_PER_US } from '../util/units.js';
import type { RuntimeLink } from './network.js';

/**
 * Pauli-twirled T1/T2 decay over `ps` (Ghosh, Fowler, Geller, PRA 86, 062318, 2012, Pauli twirling
 * approximation): p_x = p_y = (1 − e^{−t/T1})/4, p_z = (1 − e^{−t/T2})/2 − p_x.
 * Undefined when nothing happens (no time, or infinite T1 and T2).
 */
export function idleChannel(t1Us: number, t2Us: number, ps: number): [number, number, number] | undefined {
  if (!(ps > 0)) return undefined;
  const t = ps / PS_PER_US;
  const px = -Math.expm1(-t / t1Us) / 4;
  // T2 ≤ 2·T1 keeps p_z ≥ 0; clamp rounding.
  const pz = Math.max(0, -Math.expm1(-t / t2Us) / 2 - px);
  if (px === 0 && pz === 0) return undefined;
  return [px, px, pz];
}

/** Noise on one half of |Φ+⟩ that leaves the pair in the link's Werner or Bell-diagonal state. */
export function pairNoise(link: RuntimeLink, half: number): NoiseOp | undefined {
  if (link.bellDiagonal) {
    // X, Y, Z on one half of Φ+ give Ψ+, Ψ−, Φ− (weights C, B, D in REFERENCES.md's DEJMPS order).
    const [, b, c, d] = link.bellDiagonal;
    if (b + c + d === 0) return undefined;
    return { kind: 'noise', channel: 'pauli_channel_1', targets: [half], probabilities: [c, b, d] };
  }
  // A Werner state F|Φ+⟩⟨Φ+| + (1−F)/3 (the other three) is |Φ+⟩ after depolarising one half with p = 1 − F.
  if (link.fidelity >= 1) return undefined;
  return { kind: 'noise', channel: 'depolarize1', targets: [half], probabilities: [1 - link.fidelity] };
}
