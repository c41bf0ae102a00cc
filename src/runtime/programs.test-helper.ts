// Hand-written distributed programs for the runtime's tests (no compiler needed): a builder for
// streams plus the two protocols, cat-entanglement remote CNOT and teleportation.
import type {
  BitCondition,
  DistributedProgram,
  EbitSpec,
  ProgramInstruction,
  QubitPlace,
} from '../compiler/program.js';

export class ProgramBuilder {
  readonly streams: ProgramInstruction[][];
  readonly ebits: EbitSpec[] = [];
  private nextBit: number;

  constructor(
    readonly qpus: number,
    readonly numQubits: number,
    readonly numBits: number,
    readonly initialPlaces: readonly QubitPlace[],
  ) {
    this.streams = Array.from({ length: qpus }, () => []);
    this.nextBit = numBits;
  }

  newBit(): number {
    return this.nextBit++;
  }

  gate(qpu: number, gate: string, slots: number[], params: number[] = [], condition?: BitCondition): this {
    this.streams[qpu]!.push({ op: 'gate', gate, slots, params, ...(condition ? { condition } : {}) });
    return this;
  }

  diag(qpu: number, slots: [number, number], steps: { gate: string; targets: (0 | 1)[] }[]): this {
    this.streams[qpu]!.push({ op: 'diag', slots, steps: steps.map((s) => ({ ...s, params: [] })) });
    return this;
  }

  ebit(a: number, slotA: number, b: number, slotB: number, purpose: EbitSpec['purpose'] = 'cat'): number {
    const id = this.ebits.length;
    this.ebits.push({ id, qpus: a < b ? [a, b] : [b, a], purpose });
    this.streams[a]!.push({ op: 'ebit', id, slot: slotA, partner: b });
    this.streams[b]!.push({ op: 'ebit', id, slot: slotB, partner: a });
    return id;
  }

  measure(qpu: number, slot: number, bit: number, reset = false, basis: 'Z' | 'X' = 'Z'): this {
    this.streams[qpu]!.push({ op: 'measure', slot, basis, bit, reset });
    return this;
  }

  send(from: number, to: number, bits: number[]): this {
    this.streams[from]!.push({ op: 'send', to, bits });
    this.streams[to]!.push({ op: 'recv', from, bits });
    return this;
  }

  pauli(qpu: number, pauli: 'x' | 'z', slot: number, bits: number[]): this {
    this.streams[qpu]!.push({ op: 'pauli', pauli, slot, bits });
    return this;
  }

  /**
   * CNOT from a control at (a, ctrl) to a target at (b, tgt) by cat-entanglement (Eisert et al.,
   * PRA 62, 052317, 2000), using communication slots commA at a and commB at b.
   */
  remoteCnot(a: number, ctrl: number, commA: number, b: number, tgt: number, commB: number): this {
    this.ebit(a, commA, b, commB, 'cat');
    const m = this.newBit();
    this.gate(a, 'cx', [ctrl, commA]).measure(a, commA, m, true).send(a, b, [m]).pauli(b, 'x', commB, [m]);
    // CX = H·CZ·H on the target; the CZ is the diagonal gate the cat copy serves.
    this.gate(b, 'h', [tgt])
      .diag(b, [commB, tgt], [{ gate: 'cz', targets: [0, 1] }])
      .gate(b, 'h', [tgt]);
    const m2 = this.newBit();
    this.gate(b, 'h', [commB]).measure(b, commB, m2, true).send(b, a, [m2]).pauli(a, 'z', ctrl, [m2]);
    return this;
  }

  /** Teleports the qubit at (a, slot) into (b, to), using communication slot commA at a. */
  teleport(a: number, slot: number, commA: number, b: number, to: number): this {
    this.ebit(a, commA, b, to, 'teleport');
    const m1 = this.newBit();
    const m2 = this.newBit();
    this.gate(a, 'cx', [slot, commA]).gate(a, 'h', [slot]);
    this.measure(a, slot, m1, true).measure(a, commA, m2, true).send(a, b, [m1, m2]);
    this.pauli(b, 'x', to, [m2]).pauli(b, 'z', to, [m1]);
    return this;
  }

  build(finalPlaces: readonly QubitPlace[] = this.initialPlaces): DistributedProgram {
    const links = new Set<string>();
    for (const e of this.ebits) links.add(`${e.qpus[0]},${e.qpus[1]}`);
    return {
      format: 'qnet-distributed-program',
      version: 1,
      numQubits: this.numQubits,
      numBits: this.numBits,
      sourceBits: this.numBits,
      totalBits: this.nextBit,
      qpus: this.streams.map((instructions, i) => ({
        name: `qpu${i}`,
        capacity: 4,
        commQubits: 2,
        slots: 6,
        instructions,
      })),
      links: [...links].sort().map((s) => s.split(',').map(Number) as [number, number]),
      ebits: this.ebits,
      initialPlaces: this.initialPlaces,
      finalPlaces,
      stats: { ebits: this.ebits.length, remoteGates: 0, catCopies: 0, teleportations: 0, twoQubitGates: 0 },
    };
  }
}

/** A one-qubit preparation as table gates (name, params). */
export type Prep = readonly (readonly [string, readonly number[]])[];

const qasmOf = (prep: Prep, q: number): string =>
  prep.map(([g, p]) => `${g}${p.length ? `(${p.join(',')})` : ''} q[${q}];`).join('\n');

/** Remote CNOT between QPU 0 (control, slot 0) and QPU 1 (target, slot 0), and its monolithic twin. */
export function remoteCnotCase(prepC: Prep, prepT: Prep): { program: DistributedProgram; qasm: string } {
  const b = new ProgramBuilder(2, 2, 2, [
    { qpu: 0, slot: 0 },
    { qpu: 1, slot: 0 },
  ]);
  for (const [g, p] of prepC) b.gate(0, g, [0], [...p]);
  for (const [g, p] of prepT) b.gate(1, g, [0], [...p]);
  b.remoteCnot(0, 0, 1, 1, 0, 1);
  b.measure(0, 0, 0).measure(1, 0, 1);
  const qasm = `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\n${qasmOf(prepC, 0)}\n${qasmOf(prepT, 1)}\ncx q[0],q[1];\nmeasure q[0] -> c[0];\nmeasure q[1] -> c[1];\n`;
  return { program: b.build(), qasm };
}

/** GHZ on three QPUs in a line (0–1–2), one data qubit each, built with two remote CNOTs. */
export function ghzCase(): { program: DistributedProgram; qasm: string } {
  const b = new ProgramBuilder(
    3,
    3,
    3,
    [0, 1, 2].map((qpu) => ({ qpu, slot: 0 })),
  );
  b.gate(0, 'h', [0]);
  b.remoteCnot(0, 0, 1, 1, 0, 1);
  b.remoteCnot(1, 0, 2, 2, 0, 1);
  for (let q = 0; q < 3; q++) b.measure(q, 0, q);
  const qasm =
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncreg c[3];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\nmeasure q -> c;\n';
  return { program: b.build(), qasm };
}

/**
 * A Bell pair made on QPU 0 (slots 0, 1) whose second qubit is teleported to QPU 1 (slot 0); with
 * `xBasis` both are measured in X (H then Z). The parity of the two bits is 0 for a perfect Bell pair.
 */
export function bellTeleportCase(xBasis: boolean): { program: DistributedProgram; qasm: string } {
  const b = new ProgramBuilder(2, 2, 2, [
    { qpu: 0, slot: 0 },
    { qpu: 0, slot: 1 },
  ]);
  b.gate(0, 'h', [0]).gate(0, 'cx', [0, 1]);
  b.teleport(0, 1, 2, 1, 0);
  if (xBasis) b.gate(0, 'h', [0]).gate(1, 'h', [0]);
  b.measure(0, 0, 0).measure(1, 0, 1);
  const hs = xBasis ? 'h q[0];\nh q[1];\n' : '';
  const qasm = `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\n${hs}measure q -> c;\n`;
  return {
    program: b.build([
      { qpu: 0, slot: 0 },
      { qpu: 1, slot: 0 },
    ]),
    qasm,
  };
}
