// Measurements in X and Y go through Z: every engine rotates the basis with the same two gates.
import type { Basis } from '../circuit/ir.js';
import { QnetError } from '../util/errors.js';

interface AppliesGates {
  applyGate(gate: string, targets: readonly number[], params: readonly number[]): void;
}

/** Rotates `basis` onto Z: X by h, Y by sdg then h (|+i⟩ → |+⟩ → |0⟩). */
export function rotateToZ(engine: AppliesGates, qubit: number, basis: Basis): void {
  if (basis === 'Y') engine.applyGate('sdg', [qubit], []);
  if (basis !== 'Z') engine.applyGate('h', [qubit], []);
}

/** Undoes `rotateToZ`. */
export function rotateFromZ(engine: AppliesGates, qubit: number, basis: Basis): void {
  if (basis !== 'Z') engine.applyGate('h', [qubit], []);
  if (basis === 'Y') engine.applyGate('s', [qubit], []);
}

/** Refuses a qubit index outside a register of `numQubits`. */
export function checkQubitIndex(q: number, numQubits: number): void {
  if (!Number.isInteger(q) || q < 0 || q >= numQubits) {
    throw new QnetError('E_QUBIT', `qubit ${q} is outside the register of ${numQubits} qubit(s)`);
  }
}
