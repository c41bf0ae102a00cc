import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { usToPs } from '../util/units.js';
import {
  amplitudeDampingProbability,
  type CoherenceTimes,
  coherenceFactor,
  idleNoise,
  makeQpu,
  QPU_CLASS_PRESETS,
  type QpuClassParams,
  storedPairFidelity,
  storedPairFidelityBothStored,
  validateQpuClass,
} from './qpu.js';

const r2 = QPU_CLASS_PRESETS['heron-r2'].params;
const r3 = QPU_CLASS_PRESETS['heron-r3'].params;

// Coherence times with T2 <= 2·T1, in µs.
const memoryArb = fc
  .tuple(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }))
  .map(([t1Us, f]): CoherenceTimes => ({ t1Us, t2Us: 2 * t1Us * f }));
const timePsArb = fc.integer({ min: 0, max: usToPs(10_000) });
// Up to 5·T1 of a 1 µs..1 ms memory: beyond that 1 − γ underflows and the Kraus reconstruction
// used as a cross-check (not the formula) loses the coherence.
const shortTimePsArb = fc.integer({ min: 0, max: usToPs(5) });

function thrown(f: () => unknown): QnetError {
  try {
    f();
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

// Independent check of the two-qubit formula: a 4×4 density matrix (real: every operator here is
// real) put through amplitude-damping and phase-flip Kraus operators on each qubit.
type M4 = number[][];
const zero4 = (): M4 => Array.from({ length: 4 }, () => [0, 0, 0, 0]);
function kron(a: number[][], b: number[][]): M4 {
  const out = zero4();
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 2; j++)
      for (let k = 0; k < 2; k++)
        for (let l = 0; l < 2; l++) out[2 * i + k]![2 * j + l] = a[i]![j]! * b[k]![l]!;
  return out;
}
function conj(k: M4, rho: M4): M4 {
  const out = zero4();
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) s += k[i]![a]! * rho[a]![b]! * k[j]![b]!;
      out[i]![j] = s;
    }
  return out;
}
function channel(rho: M4, krausA: number[][][], krausB: number[][][]): M4 {
  const out = zero4();
  for (const ka of krausA)
    for (const kb of krausB) {
      const term = conj(kron(ka, kb), rho);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i]![j]! += term[i]![j]!;
    }
  return out;
}
const I2 = [
  [1, 0],
  [0, 1],
];
const mul2 = (a: number[][], b: number[][]): number[][] =>
  [0, 1].map((r) => [0, 1].map((c) => a[r]![0]! * b[0]![c]! + a[r]![1]! * b[1]![c]!));
// Amplitude damping γ = 1 − e^{−t/T1}, then a phase flip p that brings the coherence to e^{−t/T2}.
function idleKraus(m: CoherenceTimes, ps: number): number[][][] {
  const t = ps / 1e6;
  const gamma = 1 - Math.exp(-t / m.t1Us);
  const p = (1 - Math.exp(-t / m.t2Us + t / (2 * m.t1Us))) / 2;
  const damping = [
    [
      [1, 0],
      [0, Math.sqrt(1 - gamma)],
    ],
    [
      [0, Math.sqrt(gamma)],
      [0, 0],
    ],
  ];
  const flips = [
    [
      [Math.sqrt(1 - p), 0],
      [0, Math.sqrt(1 - p)],
    ],
    [
      [Math.sqrt(p), 0],
      [0, -Math.sqrt(p)],
    ],
  ];
  return damping.flatMap((d) => flips.map((f) => mul2(f, d)));
}
function phiPlusFidelity(a: CoherenceTimes, tA: number, b: CoherenceTimes, tB: number): number {
  const rho = zero4();
  for (const i of [0, 3]) for (const j of [0, 3]) rho[i]![j] = 0.5;
  const out = channel(rho, tA === 0 ? [I2] : idleKraus(a, tA), tB === 0 ? [I2] : idleKraus(b, tB));
  return (out[0]![0]! + out[3]![3]! + out[0]![3]! + out[3]![0]!) / 2;
}

describe('QPU presets', () => {
  it('carry the ibm_fez and ibm_boston medians of REFERENCES.md', () => {
    expect(r2).toMatchObject({ t1Us: 145, t2Us: 88, gate1qError: 2.3e-4, gate1qDurationNs: 24 });
    expect(r2).toMatchObject({
      gate2qError: 3.8e-3,
      gate2qDurationNs: 84,
      readoutError: 0.0076,
      readoutDurationNs: 1560,
    });
    expect(r3).toMatchObject({ t1Us: 292, t2Us: 353, gate2qError: 1.27e-3, gate2qDurationNs: 68 });
    expect(r3).toMatchObject({ readoutError: 0.0051, readoutDurationNs: 2200 });
    for (const [name, p] of Object.entries(QPU_CLASS_PRESETS)) validateQpuClass(p.params, ['presets', name]);
  });

  it('keep class apart from size: a Heron-class chip of 5,000 qubits', () => {
    const chip = makeQpu(r2, { dataQubits: 5000, communicationQubits: 16 });
    expect(chip).toMatchObject({ t1Us: 145, dataQubits: 5000, communicationQubits: 16 });
    expect(makeQpu(r3).dataQubits).toBe(156);
    expect(Object.isFrozen(chip)).toBe(true);
    expect(Object.isFrozen(r2)).toBe(true);
  });
});

describe('QPU validation', () => {
  it('refuses T2 > 2·T1, naming the field path', () => {
    const e = thrown(() => validateQpuClass({ ...r2, t2Us: 300 }, ['presets', 'heron-r2']));
    expect(e.message).toMatch(/T2 cannot exceed 2·T1/);
    expect(e.where.path).toEqual(['presets', 'heron-r2', 't2Us']);
    expect(e.format()).toMatch(/^presets\["heron-r2"\]\.t2Us: /);
    expect(e.hint).toBeTruthy();
    expect(() => validateQpuClass({ ...r2, t2Us: 290 }, [])).not.toThrow();
  });

  it('names the bad field for impossible values', () => {
    const cases: [Partial<QpuClassParams>, string][] = [
      [{ t1Us: -1 }, 't1Us'],
      [{ gate2qError: 1.5 }, 'gate2qError'],
      [{ readoutDurationNs: 0 }, 'readoutDurationNs'],
      [{ gate1qDurationNs: Number.NaN }, 'gate1qDurationNs'],
    ];
    for (const [bad, field] of cases) {
      expect(thrown(() => validateQpuClass({ ...r2, ...bad }, ['qpu'])).where.path).toEqual(['qpu', field]);
    }
    expect(thrown(() => makeQpu(r2, { dataQubits: 2.5 }, ['nodes', 0])).where.path).toEqual([
      'nodes',
      0,
      'dataQubits',
    ]);
    expect(thrown(() => makeQpu(r2, { communicationQubits: -1 })).where.path).toEqual([
      'communicationQubits',
    ]);
  });
});

describe('idle decoherence', () => {
  it('gives γ = 1 − exp(−t/T1) and coherence exp(−t/T2) (REFERENCES.md, Memories)', () => {
    expect(amplitudeDampingProbability(145, usToPs(1))).toBeCloseTo(0.006872825086623066, 15);
    expect(coherenceFactor(88, usToPs(88))).toBeCloseTo(Math.exp(-1), 15);
    expect(amplitudeDampingProbability(145, 0)).toBe(0);
  });

  it('splits idling into amplitude damping then a phase flip with the right total coherence', () => {
    fc.assert(
      fc.property(memoryArb, shortTimePsArb, (m, t) => {
        const n = idleNoise(m, t);
        expect(n.phaseFlipProbability).toBeGreaterThanOrEqual(0);
        expect(n.phaseFlipProbability).toBeLessThanOrEqual(0.5);
        expect(Math.sqrt(1 - n.gamma) * (1 - 2 * n.phaseFlipProbability)).toBeCloseTo(n.coherence, 9);
      }),
    );
    // T2 = 2·T1: amplitude damping alone, no phase flips.
    expect(idleNoise({ t1Us: 100, t2Us: 200 }, usToPs(50)).phaseFlipProbability).toBeCloseTo(0, 15);
  });
});

describe('stored-pair fidelity', () => {
  it('matches (1 + e^{−t/T1} + 2e^{−t/T2})/4 at reference points', () => {
    expect(storedPairFidelity(r2, usToPs(10))).toBeCloseTo(0.9296309522380926, 14);
    expect(storedPairFidelity(r3, usToPs(50))).toBeCloseTo(0.8946218311698753, 14);
    expect(storedPairFidelity(r2, 0)).toBe(1);
    expect(storedPairFidelity(r2, usToPs(1e6))).toBeCloseTo(0.25, 12);
  });

  it('lies in [1/4, 1] and never increases with storage time', () => {
    fc.assert(
      fc.property(memoryArb, timePsArb, timePsArb, (m, a, b) => {
        const [t0, t1] = a <= b ? [a, b] : [b, a];
        const f0 = storedPairFidelity(m, t0);
        expect(f0).toBeGreaterThanOrEqual(0.25);
        expect(f0).toBeLessThanOrEqual(1);
        expect(storedPairFidelity(m, t1)).toBeLessThanOrEqual(f0);
      }),
    );
  });

  it('both stored: agrees with a density-matrix calculation and with the one-stored formula', () => {
    fc.assert(
      fc.property(memoryArb, memoryArb, shortTimePsArb, shortTimePsArb, (a, b, tA, tB) => {
        const f = storedPairFidelityBothStored(a, tA, b, tB);
        expect(f).toBeCloseTo(phiPlusFidelity(a, tA, b, tB), 9);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }),
    );
    expect(storedPairFidelityBothStored(r2, usToPs(10), r3, 0)).toBeCloseTo(
      storedPairFidelity(r2, usToPs(10)),
      15,
    );
    expect(storedPairFidelityBothStored(r2, usToPs(1e6), r2, usToPs(1e6))).toBeCloseTo(0.5, 12);
  });

  it('both stored: decreases while γ <= 1/2 but is not monotone when T2 ≪ T1 (relaxes to |00⟩)', () => {
    fc.assert(
      fc.property(
        memoryArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, u, v) => {
          const tMax = m.t1Us * Math.LN2 * 1e6; // γ(tMax) = 1/2
          const [t0, t1] = [Math.round(Math.min(u, v) * tMax), Math.round(Math.max(u, v) * tMax)];
          expect(storedPairFidelityBothStored(m, t1, m, t1)).toBeLessThanOrEqual(
            storedPairFidelityBothStored(m, t0, m, t0) + 1e-15,
          );
        },
      ),
    );
    const fast = { t1Us: 100, t2Us: 1 };
    const mid = storedPairFidelityBothStored(fast, usToPs(50), fast, usToPs(50));
    const late = storedPairFidelityBothStored(fast, usToPs(1000), fast, usToPs(1000));
    expect(mid).toBeLessThan(late);
  });
});
