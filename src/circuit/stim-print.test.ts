import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Basis, Instruction, NoiseChannel } from './ir.js';
import { parseStim } from './stim-parse.js';
import { printStim } from './stim-print.js';

/** The IR without source line numbers, which printing cannot keep. */
function withoutLines(ops: readonly Instruction[]): unknown[] {
  return ops.map((op) => {
    const { line: _line, ...rest } = op;
    return op.kind === 'repeat' ? { ...rest, body: withoutLines(op.body) } : rest;
  });
}

describe('printStim', () => {
  it('writes each kind of instruction as Stim does', () => {
    const text = [
      'QUBIT_COORDS(0, -1.5) 0',
      'R 0 1',
      'RX 2',
      'H 0',
      'CX 0 1 2 3',
      'DEPOLARIZE2(0.001) 0 1',
      'PAULI_CHANNEL_1(0.1, 0.2, 0.3) 2',
      'M(0.01) 0 !1',
      'MRY 2',
      'CZ rec[-1] 3',
      'TICK',
      'REPEAT 2 {',
      '    MX 0',
      '    REPEAT 3 {',
      '        SHIFT_COORDS(0, 0, 1)',
      '    }',
      '    DETECTOR(1e-7, 2) rec[-1] rec[-2]',
      '}',
      'OBSERVABLE_INCLUDE(0) rec[-1]',
      '',
    ].join('\n');
    expect(printStim(parseStim(text))).toBe(text);
  });

  it('prints canonical names for aliases and drops comments, tags and zero flip probabilities', () => {
    expect(printStim(parseStim('CNOT[t] 0 1 # c\nZCZ 0 1\nSQRT_Z_DAG 0\nMZ(0) 0\nRZ 1\nMRZ 2\n'))).toBe(
      'CX 0 1\nCZ 0 1\nS_DAG 0\nM 0\nR 1\nMR 2\n',
    );
  });

  it('prints a record-controlled Pauli as a Stim feedback gate, one pair per target', () => {
    const ops: Instruction[] = [
      { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: false },
      { kind: 'gate', gate: 'y', targets: [1, 2], params: [], recordControl: 1 },
    ];
    expect(printStim(ops)).toBe('M 0\nCY rec[-1] 1 rec[-1] 2\n');
  });

  it('writes numbers so that they read back as the same double', () => {
    const awkward = [-0, 5e-324, 1e21, 0.1 + 0.2, -123.456e-10, 2 ** 53 + 2];
    const text = printStim([{ kind: 'shift_coords', coords: awkward }]);
    const [op] = parseStim(text).instructions;
    expect(op).toMatchObject({ kind: 'shift_coords', coords: awkward });
  });

  it('prints an empty circuit as empty text', () => {
    expect(printStim([])).toBe('');
  });

  it('drops OpenQASM classical bits and prints barriers as TICK', () => {
    const ops: Instruction[] = [
      { kind: 'barrier', targets: [0, 1] },
      { kind: 'measure', basis: 'Z', targets: [0, 1], bits: [1, 0], flipProbability: 0, reset: false },
    ];
    expect(printStim(ops)).toBe('TICK\nM 0 1\n');
  });

  it('refuses what Stim cannot say', () => {
    const refused: Instruction[] = [
      { kind: 'gate', gate: 'u3', targets: [0], params: [1, 2, 3], line: 4 },
      { kind: 'gate', gate: 't', targets: [0], params: [] },
      { kind: 'gate', gate: 'x', targets: [0], params: [], condition: { bits: [0], value: 1 } },
      { kind: 'gate', gate: 'h', targets: [0], params: [], recordControl: 1 },
      { kind: 'reset', basis: 'Z', targets: [0], condition: { bits: [0], value: 1 } },
      { kind: 'shift_coords', coords: [Number.NaN] },
    ];
    for (const op of refused) {
      expect(() => printStim([op]), JSON.stringify(op)).toThrow(
        expect.objectContaining({ code: 'E_STIM_PRINT' }),
      );
    }
    expect(() => printStim([refused[0]!])).toThrow(/line 4/);
  });
});

// Random circuits in the form the parser produces, with look-backs kept inside the record.

const GATES1 = [
  'id',
  'x',
  'y',
  'z',
  'h',
  'h_xy',
  'h_yz',
  'c_xyz',
  'c_zyx',
  's',
  'sdg',
  'sx',
  'sxdg',
  'sy',
  'sydg',
];
const GATES2 = ['cx', 'cy', 'cz', 'swap', 'iswap', 'iswapdg', 'xcx', 'xcy', 'xcz', 'ycx', 'ycy', 'ycz'];
const GATES2B = ['sqrt_xx', 'sqrt_xxdg', 'sqrt_yy', 'sqrt_yydg', 'sqrt_zz', 'sqrt_zzdg'];
const CHANNELS: readonly [NoiseChannel, number, number][] = [
  ['x_error', 1, 1],
  ['y_error', 1, 1],
  ['z_error', 1, 1],
  ['depolarize1', 1, 1],
  ['depolarize2', 2, 1],
  ['pauli_channel_1', 1, 3],
  ['pauli_channel_2', 2, 15],
];

const qubit = fc.nat(40);
const coord = fc.double({ noNaN: true, noDefaultInfinity: true });
const coords = fc.array(coord, { maxLength: 4 });
const pairs = fc
  .array(fc.tuple(qubit, qubit), { maxLength: 4 })
  .map((ps) => ps.filter(([a, b]) => a !== b).flat());

// A template draws its random parts now and builds IR later, once the record length is known.
type Template = (measured: number) => { op: Instruction; measured: number } | undefined;

const lookbacks = (picks: number[]) => (measured: number) => picks.map((p) => 1 + (p % measured));

const template: fc.Memo<Template> = fc.memo((depth) => {
  const leaves: fc.Arbitrary<Template>[] = [
    fc.tuple(fc.constantFrom(...GATES1), fc.array(qubit, { maxLength: 5 })).map(
      ([gate, targets]): Template =>
        (m) => ({ op: { kind: 'gate', gate, targets, params: [] }, measured: m }),
    ),
    fc.tuple(fc.constantFrom(...GATES2, ...GATES2B), pairs).map(
      ([gate, targets]): Template =>
        (m) => ({ op: { kind: 'gate', gate, targets, params: [] }, measured: m }),
    ),
    fc.tuple(fc.constantFrom('x', 'y', 'z'), qubit, fc.nat()).map(
      ([gate, q, pick]): Template =>
        (m) =>
          m === 0
            ? undefined
            : {
                op: { kind: 'gate', gate, targets: [q], params: [], recordControl: 1 + (pick % m) },
                measured: m,
              },
    ),
    fc
      .tuple(
        fc.constantFrom<Basis>('X', 'Y', 'Z'),
        fc.boolean(),
        fc.array(fc.tuple(qubit, fc.boolean()), { maxLength: 5 }),
        fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      )
      .map(([basis, reset, ts, flipProbability]): Template => {
        const op: Instruction = {
          kind: 'measure',
          basis,
          targets: ts.map(([q]) => q),
          flipProbability,
          reset,
        };
        if (ts.some(([, inv]) => inv)) op.inverted = ts.map(([, inv]) => inv);
        return (m) => ({ op, measured: m + ts.length });
      }),
    fc.tuple(fc.constantFrom<Basis>('X', 'Y', 'Z'), fc.array(qubit, { maxLength: 5 })).map(
      ([basis, targets]): Template =>
        (m) => ({ op: { kind: 'reset', basis, targets }, measured: m }),
    ),
    fc.constantFrom(...CHANNELS).chain(([channel, arity, n]) =>
      fc
        .tuple(
          fc.array(fc.double({ min: 0, max: 1 / n, noNaN: true }), { minLength: n, maxLength: n }),
          arity === 2 ? pairs : fc.array(qubit, { maxLength: 5 }),
        )
        .map(
          ([probabilities, targets]): Template =>
            (m) => ({ op: { kind: 'noise', channel, targets, probabilities }, measured: m }),
        ),
    ),
    fc.tuple(coords, fc.array(fc.nat(), { maxLength: 4 })).map(([cs, picks]): Template => {
      const lbs = lookbacks(picks);
      return (m) =>
        m === 0 && picks.length > 0
          ? undefined
          : { op: { kind: 'detector', lookbacks: lbs(m), coords: cs }, measured: m };
    }),
    fc.tuple(fc.nat(5), fc.array(fc.nat(), { maxLength: 4 })).map(([index, picks]): Template => {
      const lbs = lookbacks(picks);
      return (m) =>
        m === 0 && picks.length > 0
          ? undefined
          : { op: { kind: 'observable', index, lookbacks: lbs(m) }, measured: m };
    }),
    fc.constant((m: number) => ({ op: { kind: 'tick' } as Instruction, measured: m })),
    fc.tuple(fc.array(qubit, { maxLength: 3 }), coords).map(
      ([targets, cs]): Template =>
        (m) => ({ op: { kind: 'qubit_coords', targets, coords: cs }, measured: m }),
    ),
    coords.map(
      (cs): Template =>
        (m) => ({ op: { kind: 'shift_coords', coords: cs }, measured: m }),
    ),
  ];
  if (depth <= 0) return fc.oneof(...leaves);
  const repeat = fc
    .tuple(fc.integer({ min: 1, max: 1000 }), fc.array(template(depth - 1), { maxLength: 5 }))
    .map(
      ([count, body]): Template =>
        (m) => {
          const built = build(body, m);
          const perPass = built.measured - m;
          return { op: { kind: 'repeat', count, body: built.ops }, measured: m + count * perPass };
        },
    );
  return fc.oneof({ arbitrary: fc.oneof(...leaves), weight: 6 }, { arbitrary: repeat, weight: 1 });
});

function build(templates: readonly Template[], measured: number): { ops: Instruction[]; measured: number } {
  const ops: Instruction[] = [];
  for (const t of templates) {
    const r = t(measured);
    if (r === undefined) continue;
    ops.push(r.op);
    measured = r.measured;
  }
  return { ops, measured };
}

describe('printStim then parseStim', () => {
  it('gives back the same IR for random circuits', () => {
    fc.assert(
      fc.property(fc.array(template(2), { maxLength: 25 }), (templates) => {
        const { ops } = build(templates, 0);
        const text = printStim(ops);
        expect(withoutLines(parseStim(text).instructions)).toEqual(withoutLines(ops));
        expect(printStim(parseStim(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
