import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../../test/data-path.js';
import type { Circuit, Instruction } from '../circuit/ir.js';
import { parseStim } from '../circuit/stim-parse.js';
import { countDetectors, countMeasurements } from '../circuit/stim-repeat.js';
import { QnetError } from '../util/errors.js';
import { Rng } from '../util/rng.js';
import { type BitTable, getBit } from './bit-table.js';
import { FrameSampler, sampleDetectors, sampleMeasurements } from './frame.js';
import { referenceSample, runStabilizerShot } from './stabilizer-run.js';

const DIR = dataPath('stim');
const haveData = existsSync(join(DIR, 'sc_d5.stim'));

/** Fraction of shots with bit `b` set. */
function rate(t: BitTable, b: number): number {
  let k = 0;
  for (let s = 0; s < t.shots; s++) k += getBit(t, s, b);
  return k / t.shots;
}

/**
 * |p1 − p2| in standard errors of the difference of two proportions (pooled); 0 when both are exact
 * and equal, infinite when a deterministic bit differs.
 */
function zScore(p1: number, n1: number, p2: number, n2: number): number {
  const p = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  if (se === 0) return p1 === p2 ? 0 : Number.POSITIVE_INFINITY;
  return Math.abs(p1 - p2) / se;
}

/** The circuit with every noise channel and measurement flip removed. */
function noiseless(c: Circuit): Circuit {
  const strip = (ops: readonly Instruction[]): Instruction[] =>
    ops.flatMap((op): Instruction[] => {
      if (op.kind === 'noise') return [];
      if (op.kind === 'measure') return [{ ...op, flipProbability: 0 }];
      if (op.kind === 'repeat') return [{ ...op, body: strip(op.body) }];
      return [op];
    });
  return { ...c, instructions: strip(c.instructions) };
}

// Small noisy circuits that touch every operation the frame sampler has: each basis of M, MR and R,
// feedback, inverted and noisy measurements, every channel, REPEAT, and gates of each frame map.
const SMALL: Record<string, string> = {
  bell: `
    H 0
    DEPOLARIZE1(0.1) 0
    CX 0 1
    X_ERROR(0.2) 1
    M 0 1
    DETECTOR rec[-1] rec[-2]
  `,
  bases: `
    RX 0
    RY 1
    R 2
    H 3
    Z_ERROR(0.15) 0
    Y_ERROR(0.1) 1
    PAULI_CHANNEL_1(0.05, 0.1, 0.15) 2 3
    S 0
    SQRT_X 1
    C_XYZ 2
    H_YZ 3
    MX 0
    MY 1
    MR 2
    MRX 3
    MRY 0
    M(0.1) !1 2 3
    DETECTOR rec[-1] rec[-4]
    OBSERVABLE_INCLUDE(0) rec[-2]
    DEPOLARIZE1(0.5) 4 5 6
    R 4
    RX 5
    RY 6
    M 4
    MX 5
    MY 6
  `,
  twoQubit: `
    H 0 2
    CY 0 1
    DEPOLARIZE2(0.2) 0 1
    ISWAP 1 2
    PAULI_CHANNEL_2(0.01, 0.02, 0.03, 0.04, 0.05, 0.01, 0.02, 0.03, 0.04, 0.05, 0.01, 0.02, 0.03, 0.04, 0.05) 2 3
    SQRT_YY 0 3
    XCY 3 0
    SWAP 1 3
    CZ 0 2
    YCZ 1 0
    M 0 1 2 3
  `,
  // Measuring again in a rotated basis is random only if the first measurement's gauge is drawn anew.
  remeasure: `
    H 0 1
    H_YZ 2
    M 0
    MX 1
    MY 2
    H 0 1
    S 2
    M 0
    MX 1
    MY 2
    RX 0
    RY 1
    R 2
    S 0 1
    H 2
    M 0 1 2
  `,
  repeatFeedback: `
    R 0 1 2
    REPEAT 5 {
      H 0
      CX 0 1
      X_ERROR(0.05) 0 1
      MR 1
      CX rec[-1] 2
      CZ rec[-1] 0
      H 0
      DETECTOR rec[-1]
    }
    M 0 2
    DETECTOR rec[-1] rec[-3] rec[-4] rec[-5] rec[-6] rec[-7]
    OBSERVABLE_INCLUDE(1) rec[-2]
  `,
};

/** A random Clifford circuit with noise and mid-circuit measurements, as Stim text. */
function randomCircuit(rng: Rng, n: number, steps: number): string {
  const one = ['H', 'S', 'S_DAG', 'SQRT_X', 'SQRT_Y_DAG', 'H_XY', 'C_ZYX', 'X', 'Y'];
  const two = ['CX', 'CY', 'CZ', 'SWAP', 'ISWAP_DAG', 'XCX', 'XCZ', 'YCY', 'SQRT_XX', 'SQRT_ZZ_DAG'];
  const lines: string[] = [];
  for (let k = 0; k < steps; k++) {
    const a = rng.int(n);
    const b = (a + 1 + rng.int(n - 1)) % n;
    const r = rng.next();
    if (r < 0.3) lines.push(`${rng.pick(one)} ${a}`);
    else if (r < 0.6) lines.push(`${rng.pick(two)} ${a} ${b}`);
    else if (r < 0.75) lines.push(`${rng.pick(['DEPOLARIZE1(0.05)', 'X_ERROR(0.1)', 'Z_ERROR(0.1)'])} ${a}`);
    else if (r < 0.8) lines.push(`DEPOLARIZE2(0.08) ${a} ${b}`);
    else if (r < 0.95) lines.push(`${rng.pick(['M', 'MX', 'MY', 'MR', 'MRX'])} ${a}`);
    else lines.push(`${rng.pick(['R', 'RX', 'RY'])} ${a}`);
  }
  lines.push(`M ${Array.from({ length: n }, (_, q) => q).join(' ')}`);
  return lines.join('\n');
}

/**
 * Runs `circuit` shot by shot on the tableau and in one batch of frames, and returns the largest
 * z-score over every measurement's rate, every adjacent pair's parity and every detection-event rate.
 */
function worstZ(circuit: Circuit, seed: string): number {
  const tableauShots = 3000;
  const frameShots = 30000;
  const rng = Rng.fromSeed(seed);
  const sampler = new FrameSampler(circuit);
  const m = sampler.sampleMeasurements(frameShots, rng.child('frame-m'));
  const d = sampler.sampleDetectors(frameShots, rng.child('frame-d'), { appendObservables: true });
  const reference = referenceSample(circuit);
  const nm = sampler.numMeasurements;
  const nd = d.detectors.bitsPerShot;
  const ones = new Float64Array(nm);
  const pairs = new Float64Array(nm);
  const events = new Float64Array(nd);
  const t = rng.child('tableau');
  for (let s = 0; s < tableauShots; s++) {
    const shot = runStabilizerShot(circuit, t);
    for (let b = 0; b < nm; b++) ones[b]! += shot.measurements[b]!;
    for (let b = 0; b + 1 < nm; b++) pairs[b]! += shot.measurements[b]! ^ shot.measurements[b + 1]!;
    const flips = [
      ...shot.detectors.map((v, i) => v ^ reference.detectors[i]!),
      ...shot.observables.map((v, i) => v ^ (reference.observables[i] ?? 0)),
    ];
    flips.forEach((v, i) => {
      events[i]! += v;
    });
  }
  let worst = 0;
  for (let b = 0; b < nm; b++) {
    worst = Math.max(worst, zScore(ones[b]! / tableauShots, tableauShots, rate(m, b), frameShots));
    if (b + 1 < nm) {
      let k = 0;
      for (let s = 0; s < frameShots; s++) k += getBit(m, s, b) ^ getBit(m, s, b + 1);
      worst = Math.max(worst, zScore(pairs[b]! / tableauShots, tableauShots, k / frameShots, frameShots));
    }
  }
  for (let b = 0; b < nd; b++)
    worst = Math.max(
      worst,
      zScore(events[b]! / tableauShots, tableauShots, rate(d.detectors, b), frameShots),
    );
  return worst;
}

describe('frame sampler', () => {
  it.each(Object.keys(SMALL))(
    'matches the tableau shot by shot on the %s circuit (4 standard errors)',
    (name) => {
      expect(worstZ(parseStim(SMALL[name]!, name), `frame.test/${name}`)).toBeLessThan(4);
    },
  );

  it('matches the tableau on random noisy Clifford circuits (4 standard errors)', () => {
    const rng = Rng.fromSeed('frame.test/random');
    for (let k = 0; k < 6; k++) {
      const text = randomCircuit(rng, 3 + rng.int(4), 30);
      expect(worstZ(parseStim(text, `random${k}`), `frame.test/random${k}`), text).toBeLessThan(4);
    }
  });

  it('samples deterministic and correlated measurements exactly', () => {
    const c = parseStim('X 0\nH 1\nCX 1 2\nM 0 !0 1 2\nMR 0\nM 0\nRX 3\nMX 3\n');
    const t = sampleMeasurements(c, 77, Rng.fromSeed(3));
    expect(t.bitsPerShot).toBe(7);
    let ones = 0;
    for (let s = 0; s < t.shots; s++) {
      expect([getBit(t, s, 0), getBit(t, s, 1), getBit(t, s, 4), getBit(t, s, 5), getBit(t, s, 6)]).toEqual([
        1, 0, 1, 0, 0,
      ]);
      expect(getBit(t, s, 3)).toBe(getBit(t, s, 2));
      ones += getBit(t, s, 2);
    }
    expect(ones).toBeGreaterThan(20);
    expect(ones).toBeLessThan(57);
  });

  it('reports a non-deterministic detector as random, as Stim does', () => {
    const d = sampleDetectors(parseStim('H 0\nM 0\nDETECTOR rec[-1]\n'), 20000, Rng.fromSeed(4));
    expect(Math.abs(rate(d.detectors, 0) - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 20000));
  });

  it('appends observables after detectors and keeps them apart too', () => {
    const c = parseStim(
      'X_ERROR(1) 0\nM 0 1\nDETECTOR rec[-2]\nDETECTOR rec[-1]\nOBSERVABLE_INCLUDE(2) rec[-2]\n',
    );
    const d = sampleDetectors(c, 40, Rng.fromSeed(5), { appendObservables: true });
    expect(d.detectors.bitsPerShot).toBe(5);
    expect(d.observables.bitsPerShot).toBe(3);
    for (let s = 0; s < 40; s++) {
      expect([0, 1, 2, 3, 4].map((b) => getBit(d.detectors, s, b))).toEqual([1, 0, 0, 0, 1]);
      expect([0, 1, 2].map((b) => getBit(d.observables, s, b))).toEqual([0, 0, 1]);
    }
  });

  it('gives the same bits for the same seed, whatever the batch boundaries inside a run', () => {
    const c = parseStim(SMALL.repeatFeedback!);
    const a = sampleDetectors(c, 1000, Rng.fromSeed(6), { batchWords: 3 });
    const b = sampleDetectors(c, 1000, Rng.fromSeed(6), { batchWords: 3 });
    const other = sampleDetectors(c, 1000, Rng.fromSeed(7), { batchWords: 3 });
    expect(a.detectors.data).toEqual(b.detectors.data);
    expect(a.detectors.data).not.toEqual(other.detectors.data);
  });

  it('refuses classically conditioned operations and bad shot counts', () => {
    const c: Circuit = {
      numQubits: 1,
      numBits: 1,
      qregs: [],
      cregs: [],
      instructions: [
        { kind: 'gate', gate: 'x', targets: [0], params: [], condition: { bits: [0], value: 1 } },
      ],
    };
    expect(() => sampleMeasurements(c, 1, Rng.fromSeed(0))).toThrow(QnetError);
    expect(() => sampleMeasurements(parseStim('M 0'), -1, Rng.fromSeed(0))).toThrow(QnetError);
  });
});

describe.skipIf(!haveData)(`frame sampler on Stim's surface-code circuits in ${DIR}`, () => {
  const text = haveData ? readFileSync(join(DIR, 'sc_d5.stim'), 'utf8') : '';

  it('gives no detection event in any shot of any of the circuits without noise', () => {
    for (const name of readdirSync(DIR).filter((f) => f.endsWith('.stim'))) {
      const c = noiseless(parseStim(readFileSync(join(DIR, name), 'utf8'), name));
      const d = sampleDetectors(c, name === 'sc_d5.stim' ? 5000 : 100, Rng.fromSeed(8), {
        appendObservables: true,
      });
      expect(d.detectors.bitsPerShot, name).toBe(countDetectors(c.instructions) + 1);
      expect(
        d.detectors.data.every((v) => v === 0),
        name,
      ).toBe(true);
      expect(new FrameSampler(c).numMeasurements, name).toBe(countMeasurements(c.instructions));
    }
  });

  it("matches the detection-event rates of Stim's detector error model for sc_d5 (4 standard errors)", () => {
    // Each DEM line is an independent mechanism flipping the detectors it names (components joined by
    // ^ flip together), so detector k fires with probability (1 − Π(1 − 2p)) / 2 over its mechanisms.
    const dem = readFileSync(join(DIR, 'sc_d5.dem'), 'utf8');
    const keep = new Map<string, number>();
    for (const line of dem.split('\n')) {
      const m = /^error\(([^)]+)\)(.*)$/.exec(line.trim());
      if (!m) continue;
      const p = Number(m[1]);
      const flipped = new Set<string>();
      for (const tok of m[2]!.split(/\s+/)) {
        if (!/^[DL]\d+$/.test(tok)) continue;
        if (flipped.has(tok)) flipped.delete(tok);
        else flipped.add(tok);
      }
      for (const tok of flipped) keep.set(tok, (keep.get(tok) ?? 1) * (1 - 2 * p));
    }
    const shots = 100_000;
    const d = sampleDetectors(parseStim(text, 'sc_d5.stim'), shots, Rng.fromSeed(9), {
      appendObservables: true,
    });
    const nd = d.detectors.bitsPerShot - 1;
    let worst = 0;
    let total = 0;
    for (let b = 0; b <= nd; b++) {
      const expected = (1 - (keep.get(b < nd ? `D${b}` : 'L0') ?? 1)) / 2;
      const got = rate(d.detectors, b);
      worst = Math.max(worst, Math.abs(got - expected) / Math.sqrt((expected * (1 - expected)) / shots));
      if (b < nd) total += got;
    }
    expect(worst).toBeLessThan(4);
    // Plausible for p = 0.001: about 1.5% of detectors fire per round.
    expect(total / nd).toBeGreaterThan(0.01);
    expect(total / nd).toBeLessThan(0.02);
  });

  it('reproduces its sc_d5 detection events for a fixed seed', () => {
    const c = parseStim(text, 'sc_d5.stim');
    const a = sampleDetectors(c, 3000, Rng.fromSeed(10));
    const b = sampleDetectors(c, 3000, Rng.fromSeed(10));
    expect(a.detectors.data).toEqual(b.detectors.data);
  });
});
