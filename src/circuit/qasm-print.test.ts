import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GATES } from '../gates/index.js';
import { QnetError } from '../util/errors.js';
import type { Circuit, Condition, Instruction, Register } from './ir.js';
import { formatAngle, parseQasm, printQasm2, printQasm3 } from './qasm.js';
import { circuitDifferences } from './qasm-reference.test-helper.js';

const circuit = (numQubits: number, instructions: Instruction[], numBits = 0): Circuit => ({
  numQubits,
  numBits,
  qregs: [{ name: 'q', size: numQubits, offset: 0 }],
  cregs: numBits > 0 ? [{ name: 'c', size: numBits, offset: 0 }] : [],
  instructions,
});

const roundTrips = (c: Circuit): void => {
  expect(circuitDifferences(c, parseQasm(printQasm2(c), 'p2.qasm'))).toEqual([]);
  expect(circuitDifferences(c, parseQasm(printQasm3(c), 'p3.qasm'))).toEqual([]);
};

describe('OpenQASM printers', () => {
  it('write angles that read back to the same double, as pi fractions when exact', () => {
    expect(formatAngle(Math.PI / 2)).toBe('pi/2');
    expect(formatAngle(-Math.PI / 4)).toBe('-pi/4');
    expect(formatAngle((3 * Math.PI) / 4)).toBe('pi*3/4');
    expect(formatAngle(Math.PI)).toBe('pi');
    expect(formatAngle(0)).toBe('0');
    expect(formatAngle(0.1)).toBe('0.1');
    expect(formatAngle(1e-300)).toBe('1e-300');
    expect(() => formatAngle(Number.NaN)).toThrow(QnetError);
  });

  it('round-trip every gate of the table, in both versions', () => {
    const ins: Instruction[] = GATES.map((g, i) => ({
      kind: 'gate',
      gate: g.name,
      targets: Array.from({ length: g.arity }, (_, j) => (i + 2 * j) % 5),
      params: g.paramNames.map((_, k) => Math.sin(i + k) * 3),
    }));
    roundTrips(circuit(5, ins));
  });

  it('write broadcasts, definitions and conditions', () => {
    const c = circuit(
      2,
      [
        { kind: 'gate', gate: 'h', targets: [0, 1], params: [] },
        { kind: 'gate', gate: 'rz', targets: [1], params: [Math.PI / 4] },
        { kind: 'gate', gate: 'iswap', targets: [0, 1], params: [] },
        { kind: 'measure', basis: 'Z', targets: [0, 1], bits: [0, 1], flipProbability: 0, reset: false },
        { kind: 'gate', gate: 'x', targets: [0], params: [], condition: { bits: [0, 1], value: 1 } },
      ],
      2,
    );
    expect(printQasm2(c)).toBe(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\n' +
        'gate iswap q0,q1 { s q0; s q1; cz q0,q1; swap q0,q1; }\n' +
        'qreg q[2];\ncreg c[2];\nh q;\nrz(pi/4) q[1];\niswap q[0],q[1];\nmeasure q -> c;\nif (c == 1) x q[0];\n',
    );
    expect(printQasm3(c)).toBe(
      'OPENQASM 3.0;\ninclude "stdgates.inc";\n' +
        'gate iswap q0,q1 { s q0; s q1; cz q0,q1; swap q0,q1; }\n' +
        'qubit[2] q;\nbit[2] c;\nh q;\nrz(pi/4) q[1];\niswap q[0],q[1];\nc = measure q;\nif (c == 1) x q[0];\n',
    );
    roundTrips(c);
  });

  it('spell OpenQASM 3 gates outside stdgates.inc with modifiers that read back exactly', () => {
    const c = circuit(5, [
      { kind: 'gate', gate: 'sxdg', targets: [0], params: [] },
      { kind: 'gate', gate: 'cu1', targets: [0, 1], params: [0.5] },
      { kind: 'gate', gate: 'c4x', targets: [0, 1, 2, 3, 4], params: [] },
    ]);
    expect(printQasm3(c)).toContain(
      'inv @ sx q[0];\nctrl @ u1(0.5) q[0],q[1];\nctrl(4) @ x q[0],q[1],q[2],q[3],q[4];\n',
    );
    roundTrips(c);
  });

  it('write Stim-style measurements: record bits, other bases, measure-reset', () => {
    const c: Circuit = {
      numQubits: 2,
      numBits: 0,
      qregs: [],
      cregs: [],
      instructions: [
        { kind: 'measure', basis: 'X', targets: [0, 1], flipProbability: 0, reset: false },
        { kind: 'tick' },
        {
          kind: 'repeat',
          count: 2,
          body: [{ kind: 'measure', basis: 'Z', targets: [1], flipProbability: 0, reset: true }],
        },
        { kind: 'reset', basis: 'Y', targets: [0] },
        { kind: 'detector', lookbacks: [1, 2], coords: [] },
      ],
    };
    expect(printQasm2(c)).toBe(
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg rec[4];\n' +
        'h q[0];\nh q[1];\nmeasure q[0] -> rec[0];\nmeasure q[1] -> rec[1];\nh q[0];\nh q[1];\n' +
        'measure q[1] -> rec[2];\nreset q[1];\nmeasure q[1] -> rec[3];\nreset q[1];\n' +
        'reset q[0];\nh q[0];\ns q[0];\n',
    );
    expect(printQasm3(c)).toContain('measure q;\n');
  });

  it('refuse what OpenQASM cannot say', () => {
    const noisy = circuit(1, [{ kind: 'noise', channel: 'x_error', targets: [0], probabilities: [0.1] }]);
    expect(() => printQasm2(noisy)).toThrow(/noise/);
    const flip = circuit(1, [
      { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0.1, reset: false },
    ]);
    expect(() => printQasm3(flip)).toThrow(QnetError);
    const bit = circuit(
      1,
      [{ kind: 'gate', gate: 'x', targets: [0], params: [], condition: { bits: [1], value: 1 } }],
      2,
    );
    expect(() => printQasm2(bit)).toThrow(/whole classical register/);
    expect(printQasm3(bit)).toContain('if (c[1] == 1) x q[0];');
  });
});

// Random circuits over random registers: every printable instruction kind, every gate.
const PRINTABLE = GATES.filter((g) => g.arity <= 4);

const arbCircuit: fc.Arbitrary<Circuit> = fc
  .record({
    qsizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    csizes: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
    seeds: fc.array(fc.tuple(fc.nat(1000), fc.nat(1000), fc.double({ min: -7, max: 7, noNaN: true })), {
      maxLength: 25,
    }),
  })
  .map(({ qsizes, csizes, seeds }) => {
    const regs = (sizes: number[], prefix: string): Register[] => {
      let offset = 0;
      return sizes.map((size, i) => {
        const r = { name: `${prefix}${i}`, size, offset };
        offset += size;
        return r;
      });
    };
    const qregs = regs(qsizes, 'q');
    const cregs = regs(csizes, 'c');
    const n = qregs.reduce((s, r) => s + r.size, 0);
    const nb = cregs.reduce((s, r) => s + r.size, 0);
    const instructions: Instruction[] = [];
    for (const [a, b, x] of seeds) {
      const creg = cregs[a % Math.max(1, cregs.length)];
      const condition: Condition | undefined =
        creg && b % 4 === 0
          ? {
              bits: Array.from({ length: creg.size }, (_, i) => creg.offset + i),
              value: a % (1 << creg.size),
            }
          : undefined;
      const withCondition = <T extends Instruction>(op: T): T => (condition ? { ...op, condition } : op);
      const kind = b % 7;
      if (kind === 0 && creg) {
        const q = a % n;
        const bit = creg.offset + (b % creg.size);
        instructions.push(
          withCondition({
            kind: 'measure',
            basis: 'Z',
            targets: [q],
            bits: [bit],
            flipProbability: 0,
            reset: false,
          }),
        );
      } else if (kind === 1) {
        instructions.push(withCondition({ kind: 'reset', basis: 'Z', targets: [a % n] }));
      } else if (kind === 2) {
        instructions.push({
          kind: 'barrier',
          targets: Array.from({ length: 1 + (a % n) }, (_, i) => (b + i) % n),
        });
      } else {
        const fits = PRINTABLE.filter((g) => g.arity <= n);
        const g = fits[a % fits.length]!;
        // Distinct targets: a rotation of 0..n-1.
        const targets = Array.from({ length: g.arity }, (_, j) => (b + j) % n);
        const params = g.paramNames.map((_, k) => (k % 2 === 0 ? x : Math.PI / (1 + k)));
        instructions.push(withCondition({ kind: 'gate', gate: g.name, targets, params }));
      }
    }
    return { numQubits: n, numBits: nb, qregs, cregs, instructions };
  });

describe('OpenQASM print → parse', () => {
  it('property: parse(print(c)) = c for random circuits, in both versions', () => {
    fc.assert(
      fc.property(arbCircuit, (c) => {
        const a = circuitDifferences(c, parseQasm(printQasm2(c), 'p2.qasm'));
        const b = circuitDifferences(c, parseQasm(printQasm3(c), 'p3.qasm'));
        return a.length === 0 && b.length === 0;
      }),
      { numRuns: 200 },
    );
  });
});
