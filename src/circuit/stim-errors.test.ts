import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { parseStim } from './stim-parse.js';

function errorOf(text: string): QnetError {
  try {
    parseStim(text, 'bad.stim');
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error(`parsed without error: ${JSON.stringify(text)}`);
}

// [what, text, code, line, column, text the message or hint must contain]
const CASES: readonly (readonly [string, string, string, number, number, string])[] = [
  ['unknown gate, with a suggestion', 'H 0\n  CNOTT 0 1', 'E_STIM_UNKNOWN', 2, 3, "did you mean 'CNOT'?"],
  ['unknown gate, far from any name', 'FROBNICATE 0', 'E_STIM_UNKNOWN', 1, 1, 'FROBNICATE'],
  ['misspelt annotation', 'DETECTR rec[-1]', 'E_STIM_UNKNOWN', 1, 1, "did you mean 'DETECTOR'?"],
  ['unsupported Stim instruction', 'MPP X0*Z1', 'E_STIM_UNSUPPORTED', 1, 1, 'Pauli-product'],
  ['odd target count on a 2-qubit gate', 'CX 0 1 2', 'E_STIM_TARGET', 1, 8, 'no partner'],
  ['odd target count on a 2-qubit channel', 'DEPOLARIZE2(0.1) 0 1 2', 'E_STIM_TARGET', 1, 22, 'pairs'],
  ['a pair with one qubit twice', 'CZ 3 3', 'E_STIM_TARGET', 1, 4, 'itself'],
  ['arguments on a gate', 'H(0.1) 0', 'E_STIM_ARG', 1, 2, 'no arguments'],
  ['arguments on a reset', 'R(0.1) 0', 'E_STIM_ARG', 1, 2, 'no arguments'],
  ['too many arguments on M', 'M(0.1, 0.2) 0', 'E_STIM_ARG', 1, 8, 'at most one'],
  ['missing argument on a channel', 'X_ERROR 0', 'E_STIM_ARG', 1, 1, 'X_ERROR(0.001)'],
  [
    'wrong count for PAULI_CHANNEL_1',
    'PAULI_CHANNEL_1(0.1, 0.1) 0',
    'E_STIM_ARG',
    1,
    16,
    'takes 3 arguments',
  ],
  ['empty parentheses', 'M() 0', 'E_STIM_ARG', 1, 2, 'empty parentheses'],
  ['a word for a number', 'X_ERROR(p) 0', 'E_STIM_ARG', 1, 9, "found 'p'"],
  ['unclosed parenthesis', 'X_ERROR(0.1 0', 'E_STIM_ARG', 1, 13, "expected ',' or ')'"],
  ['probability above 1', 'X_ERROR(1.5) 0', 'E_STIM_PROBABILITY', 1, 9, '[0, 1]'],
  ['negative probability', 'M(-0.1) 0', 'E_STIM_PROBABILITY', 1, 3, '[0, 1]'],
  ['channel summing above 1', 'PAULI_CHANNEL_1(0.5, 0.5, 0.5) 0', 'E_STIM_PROBABILITY', 1, 17, 'sum to 1.5'],
  ['negative qubit', 'H -1', 'E_STIM_TARGET', 1, 3, 'negative'],
  ['fractional qubit', 'H 0 1.5', 'E_STIM_TARGET', 1, 5, 'not a whole number'],
  ['qubit index past Stim’s limit', 'H 16777216', 'E_STIM_TARGET', 1, 3, 'larger than'],
  ['garbage target', 'H q0', 'E_STIM_TARGET', 1, 3, "'q0'"],
  ['targets run together', 'M(0.1)0', 'E_STIM_SYNTAX', 1, 7, 'separated by spaces'],
  ['rec target on a plain gate', 'M 0\nH rec[-1]', 'E_STIM_TARGET', 2, 3, 'measurement-record'],
  ['rec target on a measurement', 'M 0\nM rec[-1]', 'E_STIM_TARGET', 2, 3, 'measurement-record'],
  ['rec on the wrong side of CX', 'M 0\nCX 1 rec[-1]', 'E_STIM_TARGET', 2, 6, 'first target'],
  ['two rec targets in one pair', 'M 0 1\nCZ rec[-1] rec[-2]', 'E_STIM_TARGET', 2, 4, 'two record'],
  ['qubit target on a detector', 'M 0\nDETECTOR 0', 'E_STIM_TARGET', 2, 10, 'only rec[-k]'],
  ['inverted target on a gate', 'H !0', 'E_STIM_TARGET', 1, 3, "'!'"],
  ['sweep bits', 'CX sweep[0] 1', 'E_STIM_UNSUPPORTED', 1, 4, 'sweep'],
  ['a positive record index', 'M 0\nDETECTOR rec[1]', 'E_STIM_TARGET', 2, 10, 'rec[-1]'],
  ['rec[-0]', 'M 0\nDETECTOR rec[-0]', 'E_STIM_TARGET', 2, 10, 'rec[-1]'],
  [
    'look-back before the first measurement',
    'M 0 1\nDETECTOR rec[-1] rec[-3]',
    'E_STIM_RECORD',
    2,
    18,
    '2 measurements',
  ],
  [
    'look-back with no measurement at all',
    'OBSERVABLE_INCLUDE(0) rec[-1]',
    'E_STIM_RECORD',
    1,
    23,
    '0 measurements',
  ],
  [
    'look-back out of a block’s first pass',
    'M 0\nREPEAT 3 {\n  M 1\n  DETECTOR rec[-3]\n}',
    'E_STIM_RECORD',
    4,
    12,
    '2 measurements',
  ],
  ['feedback before any measurement', 'CX rec[-1] 0', 'E_STIM_RECORD', 1, 4, '0 measurements'],
  [
    'fractional observable index',
    'M 0\nOBSERVABLE_INCLUDE(1.5) rec[-1]',
    'E_STIM_ARG',
    2,
    20,
    'whole number',
  ],
  ['observable without index', 'M 0\nOBSERVABLE_INCLUDE rec[-1]', 'E_STIM_ARG', 2, 1, 'takes 1 argument'],
  ['targets on TICK', 'TICK 0', 'E_STIM_TARGET', 1, 6, 'no targets'],
  ['targets on SHIFT_COORDS', 'SHIFT_COORDS(1) 0', 'E_STIM_TARGET', 1, 17, 'no targets'],
  ['unclosed block', 'H 0\nREPEAT 2 {\n  H 0\n', 'E_STIM_BLOCK', 2, 1, 'never closed'],
  // The one '}' closes the inner block, so it is the outer one that stays open.
  ['unclosed outer block', 'REPEAT 2 {\n  REPEAT 3 {\n  H 0\n}\n', 'E_STIM_BLOCK', 1, 1, 'REPEAT 2'],
  ['stray closing brace', 'H 0\n}\n', 'E_STIM_BLOCK', 2, 1, 'closes no block'],
  ['closing brace after targets', 'REPEAT 2 {\n  H 0 }', 'E_STIM_SYNTAX', 2, 7, 'own line'],
  ['REPEAT 0', 'REPEAT 0 {\n}', 'E_STIM_SYNTAX', 1, 8, 'REPEAT 0'],
  ['REPEAT without count', 'REPEAT {\n}', 'E_STIM_SYNTAX', 1, 8, 'repetition count'],
  ['REPEAT without brace', 'REPEAT 5\nH 0\n}', 'E_STIM_SYNTAX', 1, 9, "expected '{'"],
  ['brace after a gate', 'H 0 {\n}', 'E_STIM_BLOCK', 1, 5, 'only open a REPEAT'],
  ['line starting with a symbol', '@ 0', 'E_STIM_SYNTAX', 1, 1, "found '@'"],
  ['unclosed tag', 'H[oops 0', 'E_STIM_SYNTAX', 1, 2, 'tag'],
];

describe('parseStim errors', () => {
  it.each(CASES)('%s', (_what, text, code, line, column, words) => {
    const e = errorOf(text);
    expect({ code: e.code, line: e.where.line, column: e.where.column, file: e.where.file }).toEqual({
      code,
      line,
      column,
      file: 'bad.stim',
    });
    expect(e.format()).toContain(words);
    expect(e.format()).toMatch(new RegExp(`^bad\\.stim:${line}:${column}: `));
  });

  it('gives a hint wherever one helps', () => {
    for (const [, text] of CASES.filter(([what]) =>
      /unknown|odd|unclosed block|stray|REPEAT 0|look-back/.test(what),
    )) {
      expect(errorOf(text).hint, text).toBeTruthy();
    }
  });
});

// Pieces of Stim, shuffled: whatever the parser makes of them, it must either build a circuit or throw
// a QnetError pointing inside the text, never crash.
const PIECES = ['H', 'CX', 'M', 'MR', 'DETECTOR', 'REPEAT', 'X_ERROR', 'OBSERVABLE_INCLUDE', 'TICK'];
const SYMBOLS = [
  '(',
  ')',
  ',',
  '0.1',
  '2',
  '0',
  '-',
  '!',
  '*',
  'rec[-1]',
  'rec[-',
  'sweep[0]',
  'X1',
  '{',
  '}',
];
const SPACE = [' ', ' ', ' ', '\n', '\t', '#', '[t]', 'e', '.', '\r\n'];

describe('parseStim on scrambled text', () => {
  it('returns a circuit or throws a QnetError with a position in the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES, ...SYMBOLS, ...SPACE), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        try {
          parseStim(text);
        } catch (e) {
          expect(e).toBeInstanceOf(QnetError);
          const { line, column } = (e as QnetError).where;
          const lines = text.split('\n');
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines.length);
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(lines[line! - 1]!.length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
