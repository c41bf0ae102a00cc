// The two state-vector benchmark circuits of REFERENCES.md ("Peer figures measured on this machine"),
// built as circuit IR so every simulator runs exactly the same gates.
import type { Circuit, GateOp } from '../src/circuit/ir.js';
import { Rng } from '../src/util/rng.js';

const gateOp = (gate: string, targets: number[], params: number[] = []): GateOp => ({
  kind: 'gate',
  gate,
  targets,
  params,
});

const circuitOf = (numQubits: number, instructions: GateOp[]): Circuit => ({
  numQubits,
  numBits: 0,
  qregs: [{ name: 'q', size: numQubits, offset: 0 }],
  cregs: [],
  instructions,
});

/**
 * `layers` layers: H or T (probability 1/2 each) on every qubit, then CX on adjacent disjoint pairs
 * starting at qubit 0 on even layers and 1 on odd ones, each pair's orientation random.
 */
export function randomCircuit(numQubits: number, layers = 20, seed = 2024): Circuit {
  const rng = Rng.fromSeed(seed).child(`statevector-bench/rand${numQubits}`);
  const ops: GateOp[] = [];
  for (let layer = 0; layer < layers; layer++) {
    for (let q = 0; q < numQubits; q++) ops.push(gateOp(rng.bernoulli(0.5) ? 'h' : 't', [q]));
    for (let q = layer % 2; q + 1 < numQubits; q += 2) {
      ops.push(gateOp('cx', rng.bernoulli(0.5) ? [q, q + 1] : [q + 1, q]));
    }
  }
  return circuitOf(numQubits, ops);
}

/** Textbook QFT on |0…0⟩: H then controlled phases cp(π/2^k) per qubit, most significant first, then swaps. */
export function qftCircuit(numQubits: number): Circuit {
  const ops: GateOp[] = [];
  for (let j = numQubits - 1; j >= 0; j--) {
    ops.push(gateOp('h', [j]));
    for (let k = j - 1; k >= 0; k--) ops.push(gateOp('cp', [k, j], [Math.PI / 2 ** (j - k)]));
  }
  for (let q = 0; q < numQubits >> 1; q++) ops.push(gateOp('swap', [q, numQubits - 1 - q]));
  return circuitOf(numQubits, ops);
}
