// Detector error models against Stim's own (sc_d5.dem, written by `stim analyze_errors
// --decompose_errors`), against exact closed forms for small circuits, and against the frame sampler.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import type { Circuit } from '../circuit/ir.js';
import { parseCircuit } from '../circuit/parse-circuit.js';
import { parseStim } from '../circuit/stim-parse.js';
import { getBit } from '../state/bit-table.js';
import { sampleDetectors } from '../state/frame.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import type { DemError, DemTerm, DetectorErrorModel } from './dem.js';
import { detectorErrorModel } from './dem-extract.js';
import { parseDem, printDem } from './dem-format.js';

const stimFile = (name: string) => readFileSync(join(dataPath('stim'), name), 'utf8');

const termText = (t: DemTerm): string =>
  [...t.detectors.map((d) => `D${d}`), ...t.observables.map((o) => `L${o}`)].join(' ');

/** The symptom of an error: XOR of its components. */
function symptomText(e: DemError): string {
  const odd = new Map<string, number>();
  for (const c of e.components) {
    for (const d of c.detectors) odd.set(`D${d}`, (odd.get(`D${d}`) ?? 0) ^ 1);
    for (const o of c.observables) odd.set(`L${o}`, (odd.get(`L${o}`) ?? 0) ^ 1);
  }
  return [...odd]
    .filter(([, v]) => v === 1)
    .map(([k]) => k)
    .sort()
    .join(' ');
}

const combine = (p: number, q: number): number => p * (1 - q) + q * (1 - p);

/** Errors keyed by `key`, merging (as independent mechanisms) those with the same key. */
function byKey(dem: DetectorErrorModel, key: (e: DemError) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of dem.errors) {
    const k = key(e);
    const old = out.get(k);
    out.set(k, old === undefined ? e.probability : combine(old, e.probability));
  }
  return out;
}

/** Components as a multiset: Stim's order of components is not meaningful for matching. */
const decompositionText = (e: DemError): string => e.components.map(termText).sort().join(' ^ ');

function expectSameMaps(mine: Map<string, number>, ref: Map<string, number>, relTol: number): void {
  expect([...mine.keys()].sort()).toEqual([...ref.keys()].sort());
  let worst = 0;
  for (const [k, p] of ref) worst = Math.max(worst, Math.abs(mine.get(k)! - p) / p);
  expect(worst).toBeLessThan(relTol);
}

function caught(fn: () => unknown): QnetError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

/** Probability of each detector outcome pattern (bit k = detector k) from independent mechanisms. */
function outcomeDistribution(dem: DetectorErrorModel): Float64Array {
  let dist = new Float64Array(1 << dem.numDetectors);
  dist[0] = 1;
  for (const e of dem.errors) {
    let mask = 0;
    for (const c of e.components) for (const d of c.detectors) mask ^= 1 << d;
    const next = new Float64Array(dist.length);
    for (let s = 0; s < dist.length; s++) {
      next[s]! += dist[s]! * (1 - e.probability);
      next[s ^ mask]! += dist[s]! * e.probability;
    }
    dist = next;
  }
  return dist;
}

describe('detectorErrorModel on Stim reference data', () => {
  const circuit = parseStim(stimFile('sc_d5.stim'), 'sc_d5.stim');
  const ref = parseDem(stimFile('sc_d5.dem'), 'sc_d5.dem');

  it('finds the same mechanisms with the same probabilities as stim analyze_errors (sc_d5)', () => {
    const dem = detectorErrorModel(circuit, { decompose: false });
    expect(dem.numDetectors).toBe(120);
    expect(dem.numObservables).toBe(1);
    expect(dem.detectorCoords).toEqual(ref.detectorCoords);
    expect(dem.errors.every((e) => e.components.length === 1)).toBe(true);
    // Relative 1e-9: Stim prints 19 digits, and both sides combine a few floating-point products.
    expectSameMaps(byKey(dem, symptomText), byKey(ref, symptomText), 1e-9);
    expect(dem.errors.length).toBe(byKey(ref, symptomText).size);
  });

  it('decomposes like stim --decompose_errors (sc_d5)', () => {
    const dem = detectorErrorModel(circuit);
    for (const e of dem.errors)
      for (const c of e.components) expect(c.detectors.length).toBeLessThanOrEqual(2);
    // Stim lists a few decompositions twice with the components in another order; as multisets the
    // model has 1943 distinct errors, each with the same probability here.
    const refMap = byKey(ref, decompositionText);
    expect(refMap.size).toBe(1943);
    expectSameMaps(byKey(dem, decompositionText), refMap, 1e-9);
    // And the model survives the text format unchanged.
    const again = parseDem(printDem(dem));
    expect(again.errors).toEqual(dem.errors);
    expect(again.detectorCoords).toEqual(dem.detectorCoords);
  });
});

describe('detectorErrorModel merging', () => {
  it('lists every decomposition once on a larger model (sc_d11), merged as independent mechanisms', () => {
    const circuit = parseStim(stimFile('sc_d11.stim'), 'sc_d11.stim');
    const dem = detectorErrorModel(circuit);
    const keys = dem.errors.map((e) => e.components.map(termText).join(' ^ '));
    expect(new Set(keys).size).toBe(keys.length);
    // Merging must not depend on decomposing: the symptom-level model is the decomposed one merged.
    const plain = detectorErrorModel(circuit, { decompose: false });
    expectSameMaps(byKey(plain, symptomText), byKey(dem, symptomText), 1e-12);
  });
});

describe('detectorErrorModel closed forms', () => {
  // A Bell pair's XX parity (D0) and ZZ parity (D1) read a one-qubit Pauli error on it: X -> D1,
  // Z -> D0, Y -> both. The outcome distribution is then exactly the channel's disjoint probabilities.
  const bell = (noise: string) =>
    parseStim(`H 0\nCX 0 1\n${noise}\nCX 0 1\nH 0\nM 0 1\nDETECTOR rec[-2]\nDETECTOR rec[-1]\n`);

  it('PAULI_CHANNEL_1 becomes independent mechanisms reproducing its disjoint cases', () => {
    const [px, py, pz] = [0.1, 0.07, 0.2];
    const dem = detectorErrorModel(bell(`PAULI_CHANNEL_1(${px}, ${py}, ${pz}) 0`), { decompose: false });
    expect(dem.errors.length).toBe(3);
    const dist = outcomeDistribution(dem);
    expect(dist[0b10]).toBeCloseTo(px, 14);
    expect(dist[0b11]).toBeCloseTo(py, 14);
    expect(dist[0b01]).toBeCloseTo(pz, 14);
    expect(dist[0]).toBeCloseTo(1 - px - py - pz, 14);
  });

  it('DEPOLARIZE1 uses (1 - 2q)^2 = 1 - 4p/3', () => {
    const p = 0.09;
    const dem = detectorErrorModel(bell(`DEPOLARIZE1(${p}) 1`), { decompose: false });
    const q = (1 - Math.sqrt(1 - (4 * p) / 3)) / 2;
    expect(dem.errors.map((e) => e.probability)).toEqual([q, q, q].map((x) => expect.closeTo(x, 15)));
  });

  // Two Bell pairs (0,1) and (2,3): detectors read XX and ZZ of each, so all 16 two-qubit Paulis on
  // qubits 0 and 2 have distinct outcomes.
  const twoBells = (noise: string) =>
    parseStim(
      [
        'H 0 2',
        'CX 0 1 2 3',
        noise,
        'CX 0 1 2 3',
        'H 0 2',
        'M 0 1 2 3',
        'DETECTOR rec[-4]',
        'DETECTOR rec[-3]',
        'DETECTOR rec[-2]',
        'DETECTOR rec[-1]',
      ].join('\n'),
    );

  it('PAULI_CHANNEL_2 becomes 15 independent mechanisms reproducing its disjoint cases', () => {
    // Disjoint probabilities made by composing chosen independent mechanisms (Pauli bits x0 z0 x2 z2):
    // the conversion must give those mechanisms back.
    const rng = Rng.fromSeed(7);
    const q = Array.from({ length: 16 }, (_, k) => (k === 0 ? 0 : 0.002 + 0.03 * rng.next()));
    let composed = new Float64Array(16);
    composed[0] = 1;
    for (let k = 1; k < 16; k++) {
      const next = new Float64Array(16);
      for (let s = 0; s < 16; s++) {
        next[s]! += composed[s]! * (1 - q[k]!);
        next[s ^ k]! += composed[s]! * q[k]!;
      }
      composed = next;
    }
    // Stim's argument order IX IY IZ XI ... ZZ, first letter on the first target.
    const letterBits = [0, 1, 3, 2];
    const pauliOf = (i: number) => letterBits[(i + 1) >> 2]! | (letterBits[(i + 1) & 3]! << 2);
    const ps = Array.from({ length: 15 }, (_, i) => composed[pauliOf(i)]!);
    const dem = detectorErrorModel(twoBells(`PAULI_CHANNEL_2(${ps.join(', ')}) 0 2`), { decompose: false });
    expect(dem.errors.length).toBe(15);
    // Pauli bits -> detectors: X on a qubit flips its pair's ZZ parity, Z its XX parity.
    const detMask = (k: number) =>
      ((k & 1) << 1) | ((k >> 1) & 1) | (((k >> 2) & 1) << 3) | (((k >> 3) & 1) << 2);
    const byMask = new Map(
      dem.errors.map((e) => [e.components[0]!.detectors.reduce((m, d) => m | (1 << d), 0), e.probability]),
    );
    for (let k = 1; k < 16; k++) expect(byMask.get(detMask(k))).toBeCloseTo(q[k]!, 13);
    const dist = outcomeDistribution(dem);
    for (let k = 0; k < 16; k++) expect(dist[detMask(k)]).toBeCloseTo(composed[k]!, 14);
  });

  it('DEPOLARIZE2 uses (1 - 2q)^8 = 1 - 16p/15 and equals the uniform PAULI_CHANNEL_2', () => {
    const p = 0.06;
    const dep = detectorErrorModel(twoBells(`DEPOLARIZE2(${p}) 0 2`), { decompose: false });
    const q = (1 - (1 - (16 * p) / 15) ** (1 / 8)) / 2;
    expect(dep.errors.length).toBe(15);
    for (const e of dep.errors) expect(e.probability).toBeCloseTo(q, 15);
    const uniform = Array.from({ length: 15 }, () => p / 15).join(', ');
    const pc2 = detectorErrorModel(twoBells(`PAULI_CHANNEL_2(${uniform}) 0 2`), { decompose: false });
    expect(pc2.errors.map((e) => e.probability)).toEqual(
      dep.errors.map((e) => expect.closeTo(e.probability, 15)),
    );
  });

  it('refuses a channel with no independent form, unless asked to approximate', () => {
    const c = bell('PAULI_CHANNEL_1(0.1, 0, 0.1) 0');
    const e = caught(() => detectorErrorModel(c));
    expect(e.code).toBe('E_DEM_CHANNEL');
    expect(e.where.line).toBe(3);
    const dem = detectorErrorModel(c, { approximateDisjointErrors: true, decompose: false });
    expect(dem.errors.map((x) => x.probability).sort()).toEqual([0.1, 0.1]);
  });

  it('merges identical symptoms, drops silent errors, and follows M(p), resets and feedback', () => {
    // X on 0 before M flips D1 and, through the feedback X on 1, D0; so does M(0.2)'s record flip.
    // Z errors before Z measurements are silent. X_ERROR on 1 after the feedback flips D0 alone.
    const c = parseStim(
      'R 0 1\nX_ERROR(0.1) 0\nZ_ERROR(0.3) 0 1\nM(0.2) 0\nCX rec[-1] 1\nX_ERROR(0.05) 1\nM 1\nDETECTOR rec[-1]\nDETECTOR rec[-2]\n',
    );
    const dem = detectorErrorModel(c);
    expect(dem.errors).toEqual([
      { probability: 0.05, components: [{ detectors: [0], observables: [] }] },
      { probability: combine(0.2, 0.1), components: [{ detectors: [0, 1], observables: [] }] },
    ]);
  });

  it('unrolls REPEAT and reads observables, MR and MX', () => {
    const c = parseStim(
      'RX 0\nR 1\nREPEAT 3 {\n  Z_ERROR(0.01) 0\n  X_ERROR(0.02) 1\n  MX 0\n  MR 1\n  DETECTOR rec[-2]\n  DETECTOR rec[-1]\n}\nOBSERVABLE_INCLUDE(2) rec[-2]\n',
    );
    const dem = detectorErrorModel(c);
    expect(dem.numDetectors).toBe(6);
    expect(dem.numObservables).toBe(3);
    // MX does not reset: a Z error in pass 1 flips every later MX too. D0 D2 D4 L2 is split into the
    // known D2 D4 L2 and the remnant D0.
    const text = dem.errors.map((e) => `${e.probability} ${e.components.map(termText).join(' ^ ')}`).sort();
    expect(text).toEqual(
      ['0.01 D0 ^ D2 D4 L2', '0.01 D2 D4 L2', '0.01 D4 L2', '0.02 D1', '0.02 D3', '0.02 D5'].sort(),
    );
  });
});

describe('detectorErrorModel decomposition', () => {
  it('splits with known graph-like errors, allowing one remnant, and refuses what it cannot split', () => {
    const body = 'CX 0 1 0 2 0 3\nM 0 1 2 3\nDETECTOR rec[-3]\nDETECTOR rec[-2]\nDETECTOR rec[-1]\n';
    const lone = parseStim(`R 0 1 2 3\nX_ERROR(0.1) 0\n${body}`, 'lone.stim');
    const e = caught(() => detectorErrorModel(lone));
    expect(e.code).toBe('E_DEM_DECOMPOSE');
    expect(e.where).toEqual({ file: 'lone.stim', line: 2 });
    expect(e.message).toMatch(/D0 D1 D2/);
    expect(detectorErrorModel(lone, { decompose: false }).errors.length).toBe(1);

    // X on qubit 3 at the end is the known graph-like error D2; D0 D1 becomes the remnant.
    const helped = parseStim(
      `R 0 1 2 3\nX_ERROR(0.1) 0\nCX 0 1 0 2 0 3\nX_ERROR(0.2) 3\nM 0 1 2 3\nDETECTOR rec[-3]\nDETECTOR rec[-2]\nDETECTOR rec[-1]\n`,
    );
    const dem = detectorErrorModel(helped);
    expect(dem.errors.map(decompositionText).sort()).toEqual(['D0 D1 ^ D2', 'D2']);
  });

  it('splits a Y error into its X and Z parts when it is not graph-like', () => {
    // Qubit 0's X error reaches D0 D1 (via CX to 1), its Z error D2 D3 (via CX from 2 and 3 in X basis).
    const c = parseStim(
      [
        'R 0 1',
        'RX 2 3',
        'CX 0 1 2 0 3 0',
        'DEPOLARIZE1(0.03) 0',
        'CX 3 0 2 0 0 1',
        'M 0 1',
        'MX 2 3',
        'DETECTOR rec[-4]',
        'DETECTOR rec[-3]',
        'DETECTOR rec[-2]',
        'DETECTOR rec[-1]',
      ].join('\n'),
    );
    const dem = detectorErrorModel(c);
    expect(dem.errors.map(decompositionText).sort()).toEqual(['D0 D1', 'D0 D1 ^ D2 D3', 'D2 D3']);
  });
});

describe('detectorErrorModel refuses bad input', () => {
  it('names a non-Clifford gate with file and line', () => {
    const qasm =
      'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nh q[0];\nt q[0];\nmeasure q[0] -> c[0];\n';
    const e = caught(() => detectorErrorModel(parseCircuit(qasm, 'bad.qasm')));
    expect(e.code).toBe('E_QEC_NON_CLIFFORD');
    expect(e.where).toEqual({ file: 'bad.qasm', line: 6 });
    expect(e.hint).toMatch(/Clifford/);
    const rz = caught(() =>
      detectorErrorModel(parseCircuit(qasm.replace('t q[0]', 'rz(0.3) q[0]'), 'bad.qasm')),
    );
    expect(rz.code).toBe('E_QEC_NON_CLIFFORD');
  });

  it('refuses a look-back before the first measurement (parser for Stim text, extractor for IR)', () => {
    expect(caught(() => parseStim('M 0\nDETECTOR rec[-2]\n')).code).toBe('E_STIM_RECORD');
    const ir: Circuit = {
      numQubits: 1,
      numBits: 0,
      qregs: [],
      cregs: [],
      instructions: [
        { kind: 'measure', basis: 'Z', targets: [0], flipProbability: 0, reset: false, line: 1 },
        { kind: 'detector', lookbacks: [2], coords: [], line: 2 },
      ],
      source: { format: 'ir', file: 'ir.stim' },
    };
    const e = caught(() => detectorErrorModel(ir));
    expect(e.code).toBe('E_QEC_RECORD');
    expect(e.where).toEqual({ file: 'ir.stim', line: 2 });
  });

  it('refuses detectors that are random without noise, naming the detector line', () => {
    const e = caught(() => detectorErrorModel(parseStim('RX 0\nM 0\nDETECTOR rec[-1]\n', 'x.stim')));
    expect(e.code).toBe('E_QEC_NONDETERMINISTIC_DETECTOR');
    expect(e.where).toEqual({ file: 'x.stim', line: 3 });
    const init = caught(() => detectorErrorModel(parseStim('H 0\nM 0\nDETECTOR rec[-1]\n')));
    expect(init.code).toBe('E_QEC_NONDETERMINISTIC_DETECTOR');
    const mid = caught(() => detectorErrorModel(parseStim('R 0\nMX 0\nM 0\nDETECTOR rec[-1] rec[-2]\n')));
    expect(mid.code).toBe('E_QEC_NONDETERMINISTIC_DETECTOR');
  });
});

describe('detectorErrorModel agrees with the frame sampler', () => {
  it('per-detector firing rates of sc_p005_d5 match 200k sampled shots within 4 standard errors', () => {
    const circuit = parseStim(stimFile('sc_p005_d5.stim'), 'sc_p005_d5.stim');
    const dem = detectorErrorModel(circuit, { decompose: false });
    // P(odd number of independent mechanisms) = (1 - Π(1 - 2p)) / 2.
    const prod = new Float64Array(dem.numDetectors + dem.numObservables).fill(1);
    for (const e of dem.errors) {
      for (const c of e.components) {
        for (const d of c.detectors) prod[d]! *= 1 - 2 * e.probability;
        for (const o of c.observables) prod[dem.numDetectors + o]! *= 1 - 2 * e.probability;
      }
    }
    const shots = 200_000;
    const samples = sampleDetectors(circuit, shots, Rng.fromSeed(2024), { appendObservables: true });
    let worstZ = 0;
    for (let k = 0; k < prod.length; k++) {
      const p = (1 - prod[k]!) / 2;
      let fired = 0;
      for (let s = 0; s < shots; s++) fired += getBit(samples.detectors, s, k);
      const z = Math.abs(fired / shots - p) / Math.sqrt((p * (1 - p)) / shots);
      worstZ = Math.max(worstZ, z);
    }
    expect(worstZ).toBeLessThan(4);
  }, 60_000);
});
