// The distribution IR back as a monolithic circuit: what the distributed program must be
// equivalent to. Tests compare it with the source circuit; the runtime's checks compare with it.
import type { Circuit, Instruction } from '../circuit/ir.js';
import type { DistCircuit } from './dist-ir.js';

export function distCircuitToIr(dc: DistCircuit): Circuit {
  const out: Instruction[] = [];
  for (const op of dc.ops) {
    const cond = op.condition ? { condition: op.condition } : {};
    switch (op.kind) {
      case 'one':
        out.push({ kind: 'gate', gate: op.gate, targets: [op.qubit], params: op.params, ...cond });
        break;
      case 'diag':
        for (const s of op.steps)
          out.push({
            kind: 'gate',
            gate: s.gate,
            targets: s.targets.map((t) => op.qubits[t]!),
            params: s.params,
            ...cond,
          });
        break;
      case 'measure':
        out.push({
          kind: 'measure',
          basis: 'Z',
          targets: [op.qubit],
          bits: [op.bit],
          flipProbability: 0,
          reset: false,
          ...cond,
        });
        break;
      case 'reset':
        out.push({ kind: 'reset', basis: 'Z', targets: [op.qubit], ...cond });
        break;
    }
  }
  return {
    numQubits: dc.numQubits,
    numBits: dc.numBits,
    qregs: [{ name: 'q', size: dc.numQubits, offset: 0 }],
    cregs: dc.numBits > 0 ? [{ name: 'c', size: dc.numBits, offset: 0 }] : [],
    instructions: out,
    source: { format: 'ir' },
  };
}
