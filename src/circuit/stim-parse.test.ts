import { describe, expect, it } from 'vitest';
import { parseStim } from './stim-parse.js';

const ops = (text: string) => parseStim(text).instructions;

describe('parseStim: gates', () => {
  it('maps names and aliases to canonical gates, any letter case', () => {
    const text =
      'H 0\nH_XZ 1\nCNOT 0 1\nZCX 2 3\nzcz 1 2\nZCY 0 4\nSQRT_Z 0\nSQRT_Z_DAG 1\nsqrt_x_dag 2\nISWAP_DAG 0 1';
    expect(ops(text).map((op) => (op.kind === 'gate' ? op.gate : op.kind))).toEqual([
      'h',
      'h',
      'cx',
      'cx',
      'cz',
      'cy',
      's',
      'sdg',
      'sxdg',
      'iswapdg',
    ]);
  });

  it('keeps all of a line’s targets in one instruction, with its line', () => {
    expect(ops('# comment\n\n  CX 0 1 2 3   # pairs\n')).toEqual([
      { kind: 'gate', gate: 'cx', targets: [0, 1, 2, 3], params: [], line: 3 },
    ]);
  });

  it('sizes the register from the largest qubit index, QUBIT_COORDS included', () => {
    const c = parseStim('QUBIT_COORDS(1, 2) 63\nH 4\n');
    expect(c.numQubits).toBe(64);
    expect(c.numBits).toBe(0);
    expect(c.source).toEqual({ format: 'stim' });
    expect(parseStim('TICK\n', 'a.stim')).toMatchObject({
      numQubits: 0,
      source: { format: 'stim', file: 'a.stim' },
    });
  });

  it('accepts an empty target list, tabs, CRLF line ends and tags', () => {
    expect(ops('H\r\nX\t0\t1\r\nCX[my tag] 0 1\r\n')).toEqual([
      { kind: 'gate', gate: 'h', targets: [], params: [], line: 1 },
      { kind: 'gate', gate: 'x', targets: [0, 1], params: [], line: 2 },
      { kind: 'gate', gate: 'cx', targets: [0, 1], params: [], line: 3 },
    ]);
  });
});

describe('parseStim: feedback', () => {
  it('turns CX rec[-k] q into a record-controlled x and splits mixed lines in order', () => {
    expect(ops('M 0\nCX 1 2 rec[-1] 3 4 5')).toEqual([
      expect.objectContaining({ kind: 'measure' }),
      { kind: 'gate', gate: 'cx', targets: [1, 2], params: [], line: 2 },
      { kind: 'gate', gate: 'x', targets: [3], params: [], recordControl: 1, line: 2 },
      { kind: 'gate', gate: 'cx', targets: [4, 5], params: [], line: 2 },
    ]);
  });

  it('reads the record side of CY, CZ (either side), XCZ and YCZ', () => {
    const got = ops('M 0 1\nCY rec[-1] 7\nCZ 7 rec[-2]\nCZ rec[-2] 6\nXCZ 5 rec[-1]\nYCZ 4 rec[-2]');
    expect(
      got.slice(1).map((op) => (op.kind === 'gate' ? [op.gate, op.targets[0], op.recordControl] : [])),
    ).toEqual([
      ['y', 7, 1],
      ['z', 7, 2],
      ['z', 6, 2],
      ['x', 5, 1],
      ['y', 4, 2],
    ]);
  });
});

describe('parseStim: measurements, resets, noise', () => {
  it('reads bases, resets, flip probabilities and inverted targets', () => {
    expect(ops('M(0.01) 0 !1\nMX 2\nMRY(0) !3\nMZ 0\nMRZ 0\nR 0\nRX 1\nRY 2\nRZ 3')).toEqual([
      {
        kind: 'measure',
        basis: 'Z',
        targets: [0, 1],
        inverted: [false, true],
        flipProbability: 0.01,
        reset: false,
        line: 1,
      },
      { kind: 'measure', basis: 'X', targets: [2], flipProbability: 0, reset: false, line: 2 },
      {
        kind: 'measure',
        basis: 'Y',
        targets: [3],
        inverted: [true],
        flipProbability: 0,
        reset: true,
        line: 3,
      },
      { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: false, line: 4 },
      { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: true, line: 5 },
      { kind: 'reset', basis: 'Z', targets: [0], line: 6 },
      { kind: 'reset', basis: 'X', targets: [1], line: 7 },
      { kind: 'reset', basis: 'Y', targets: [2], line: 8 },
      { kind: 'reset', basis: 'Z', targets: [3], line: 9 },
    ]);
  });

  it('reads every noise channel with its arguments', () => {
    const p15 = Array.from({ length: 15 }, () => 0.01);
    const text = [
      'X_ERROR(0.1) 0',
      'Y_ERROR(0.2) 0',
      'Z_ERROR(1e-3) 0',
      'DEPOLARIZE1(0.75) 0 1',
      'DEPOLARIZE2( 0.5 ) 0 1',
      'PAULI_CHANNEL_1(0.1, 0.2,0.3) 2',
      `PAULI_CHANNEL_2(${p15.join(', ')}) 0 1`,
    ].join('\n');
    expect(ops(text).map((op) => (op.kind === 'noise' ? [op.channel, op.probabilities] : []))).toEqual([
      ['x_error', [0.1]],
      ['y_error', [0.2]],
      ['z_error', [0.001]],
      ['depolarize1', [0.75]],
      ['depolarize2', [0.5]],
      ['pauli_channel_1', [0.1, 0.2, 0.3]],
      ['pauli_channel_2', p15],
    ]);
  });
});

describe('parseStim: annotations and REPEAT', () => {
  it('reads detectors, observables, coordinates and ticks', () => {
    const text =
      'QUBIT_COORDS(0, -1.5) 0 1\nM 0 1\nTICK\nSHIFT_COORDS(0, 0, 1)\nDETECTOR(2, 0) rec[-1] rec[-2]\nDETECTOR rec[-1]\nOBSERVABLE_INCLUDE(3) rec[-2]';
    expect(ops(text)).toEqual([
      { kind: 'qubit_coords', targets: [0, 1], coords: [0, -1.5], line: 1 },
      { kind: 'measure', basis: 'Z', targets: [0, 1], flipProbability: 0, reset: false, line: 2 },
      { kind: 'tick', line: 3 },
      { kind: 'shift_coords', coords: [0, 0, 1], line: 4 },
      { kind: 'detector', lookbacks: [1, 2], coords: [2, 0], line: 5 },
      { kind: 'detector', lookbacks: [1], coords: [], line: 6 },
      { kind: 'observable', index: 3, lookbacks: [2], line: 7 },
    ]);
  });

  it('keeps nested REPEAT blocks folded', () => {
    const text = 'REPEAT 3 {\n  H 0\n  REPEAT 2 {\n    M 0\n  }\n}\nX 0\n';
    expect(ops(text)).toEqual([
      {
        kind: 'repeat',
        count: 3,
        line: 1,
        body: [
          { kind: 'gate', gate: 'h', targets: [0], params: [], line: 2 },
          {
            kind: 'repeat',
            count: 2,
            line: 3,
            body: [{ kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: false, line: 4 }],
          },
        ],
      },
      { kind: 'gate', gate: 'x', targets: [0], params: [], line: 7 },
    ]);
  });

  it('lets a look-back reach out of a block, and counts passes after it', () => {
    // First pass of the body sees 1 measurement before it plus its own; after 5 passes there are 11.
    const text = 'M 0\nREPEAT 5 {\n  M 1 2\n  DETECTOR rec[-1] rec[-3]\n}\nDETECTOR rec[-11]\n';
    expect(() => parseStim(text)).not.toThrow();
    expect(() => parseStim(text.replace('rec[-11]', 'rec[-12]'))).toThrow(/rec\[-12\]/);
  });

  it('reads an empty block and an instruction after { on the same line', () => {
    expect(ops('REPEAT 2 {\n}\nREPEAT 3 { H 0\n}')).toEqual([
      { kind: 'repeat', count: 2, body: [], line: 1 },
      {
        kind: 'repeat',
        count: 3,
        body: [{ kind: 'gate', gate: 'h', targets: [0], params: [], line: 3 }],
        line: 3,
      },
    ]);
  });
});
