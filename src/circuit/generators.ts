// Circuits the main demonstration and the tests build by size rather than read from a file: GHZ
// states, a Fourier-basis check of the (inverse) QFT with a known answer, and random Clifford
// circuits, optionally mirrored so that the ideal outcome is all zeros (mirror-circuit benchmarking,
// Proctor et al., Nat. Phys. 18, 75, 2022).
import type { Rng } from '../util/rng.js';
import type { Circuit, Instruction } from './ir.js';

function circuitOf(n: number, instructions: Instruction[], name: string): Circuit {
  return {
    numQubits: n,
    numBits: n,
    qregs: [{ name: 'q', size: n, offset: 0 }],
    cregs: [{ name: 'c', size: n, offset: 0 }],
    instructions,
    source: { format: 'ir', file: name },
  };
}

const gate = (name: string, targets: number[], params: number[] = []): Instruction => ({
  kind: 'gate',
  gate: name,
  targets,
  params,
});

const measureAll = (n: number): Instruction => ({
  kind: 'measure',
  basis: 'Z',
  targets: Array.from({ length: n }, (_, i) => i),
  bits: Array.from({ length: n }, (_, i) => i),
  flipProbability: 0,
  reset: false,
});

/** (|0…0⟩ + |1…1⟩)/√2 by a CX chain, so a contiguous split needs one e-bit per cut. */
export function ghzCircuit(n: number): Circuit {
  const ops: Instruction[] = [gate('h', [0])];
  for (let q = 0; q + 1 < n; q++) ops.push(gate('cx', [q, q + 1]));
  ops.push(measureAll(n));
  return circuitOf(n, ops, `ghz_n${n}`);
}

/**
 * Prepares the Fourier-basis state of the integer `x` with one-qubit gates, then runs the inverse
 * QFT (controlled phases, no swaps): the outcome is x with certainty, bit i of x in c[i]. Qubit j
 * holds (|0⟩ + e^{2πi·x/2^(j+1)}|1⟩)/√2 (Nielsen & Chuang, eq. 5.4, qubit order reversed).
 */
export function fourierCheckCircuit(n: number, x: number): Circuit {
  const ops: Instruction[] = [];
  for (let j = 0; j < n; j++) {
    ops.push(gate('h', [j]));
    const frac = (x % 2 ** (j + 1)) / 2 ** (j + 1);
    if (frac !== 0) ops.push(gate('u1', [j], [2 * Math.PI * frac]));
  }
  // Inverse QFT: undo the phase carried by lower bits, then read each bit with H, from bit 0 up.
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) ops.push(gate('cu1', [k, j], [-Math.PI / 2 ** (j - k)]));
    ops.push(gate('h', [j]));
  }
  ops.push(measureAll(n));
  return circuitOf(n, ops, `qft_check_n${n}`);
}

const CLIFFORD_1Q = ['h', 's', 'sdg', 'x', 'y', 'z', 'sx', 'sxdg'] as const;
const INVERSE_1Q: Readonly<Record<string, string>> = {
  h: 'h',
  s: 'sdg',
  sdg: 's',
  x: 'x',
  y: 'y',
  z: 'z',
  sx: 'sxdg',
  sxdg: 'sx',
};

export interface RandomCliffordOptions {
  depth: number;
  /** Two-qubit gates between neighbours i, i+1 in brickwork (true) or random pairs (false). */
  local: boolean;
  /** Append the inverse so that the ideal outcome is all zeros. */
  mirror: boolean;
}

/** Layers of random one-qubit Cliffords and CX/CZ, measured in Z. */
export function randomCliffordCircuit(n: number, options: RandomCliffordOptions, rng: Rng): Circuit {
  const body: Instruction[] = [];
  for (let layer = 0; layer < options.depth; layer++) {
    for (let q = 0; q < n; q++) body.push(gate(rng.pick(CLIFFORD_1Q), [q]));
    if (options.local) {
      for (let q = layer % 2; q + 1 < n; q += 2) body.push(gate(rng.next() < 0.5 ? 'cx' : 'cz', [q, q + 1]));
    } else {
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (let i = 0; i + 1 < n; i += 2)
        body.push(gate(rng.next() < 0.5 ? 'cx' : 'cz', [order[i]!, order[i + 1]!]));
    }
  }
  const ops = body.slice();
  if (options.mirror)
    for (let i = body.length - 1; i >= 0; i--) {
      const g = body[i] as Extract<Instruction, { kind: 'gate' }>;
      ops.push(gate(INVERSE_1Q[g.gate] ?? g.gate, g.targets.slice()));
    }
  ops.push(measureAll(n));
  return circuitOf(n, ops, `clifford_n${n}_d${options.depth}${options.mirror ? '_mirror' : ''}`);
}
