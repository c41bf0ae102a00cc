import { describe, expect, it } from 'vitest';
import { darkCountProbability } from '../hardware/detector.js';
import { QnetError } from '../util/errors.js';
import { parseScenario } from './load.js';
import { type EntanglementLinkResult, runScenario } from './run-scenario.js';

// Two QPUs 2 km apart with quiet transducers (η = 0.1, no added noise) and memories that do not decay
// on this time scale, so the links' pairs are what the heralding schemes make. The single-click
// station's detectors have 200 Hz of dark counts, enough to dilute its fidelity by a few per cent.
const TEXT = `name: closed-form
seed: 3
run: { untilUs: 1000000 }
presets:
  quiet: { kind: transducer, base: transducer-2030-target, efficiency: 0.1, addedNoisePhotons: 0 }
  lasting: { kind: qpu, base: heron-r3, t1Us: 1000000000, t2Us: 1000000000 }
  dark-bsm: { kind: heralding-station, base: bsm-snspd, detector: { darkCountRateHz: 200 } }
nodes:
  - { id: A, kind: qpu, qpu: lasting, transducer: quiet, communicationQubits: 20 }
  - { id: B, kind: qpu, qpu: lasting, transducer: quiet, communicationQubits: 20 }
  - { id: C, kind: qpu }
links:
  - { ends: [A, B], lengthKm: 2 }
entanglement:
  - { ends: [A, B], protocol: single-click, alpha: 0.05, station: dark-bsm, multiplexing: 10 }
  - { ends: [A, B], protocol: double-click, multiplexing: 10 }
`;

const within = (x: number, target: number, se: number) => Math.abs(x - target) <= 3 * se;

describe('a two-node link against the closed forms (REFERENCES.md, Heralded entanglement)', () => {
  const result = runScenario(parseScenario(TEXT, 'two.yaml'));
  const [single, double] = result.links as [EntanglementLinkResult, EntanglementLinkResult];

  it('runs each link for the whole run without requests, with thousands of pairs', () => {
    for (const l of result.links) {
      expect(l.via).toBe('midpoint');
      expect(l.lengthKm).toBe(2);
      expect(l.measured.pairs).toBeGreaterThan(1000);
      expect(l.measured.activeSeconds).toBeCloseTo(1, 6);
    }
  });

  it('single-click: p ≈ 2αη + 2p_dark, F = (1−α)(1+√V)/2 · 2αη/(2αη + 2p_dark), within 3 s.e.', () => {
    const alpha = single.alpha!;
    const eta = single.etaTotal;
    // bsm-snspd: 1 µs window; one dark-count probability per detector.
    const pDark = darkCountProbability(200, 1_000_000);
    const signal = 2 * alpha * eta;
    const p = signal + 2 * pDark;
    const f = (((1 - alpha) * (1 + Math.sqrt(single.visibility))) / 2) * (signal / (signal + 2 * pDark));
    expect(signal / (signal + 2 * pDark)).toBeLessThan(0.96); // the dark counts matter
    expect(within(single.measured.successProbability, p, single.measured.successProbabilityStdErr)).toBe(
      true,
    );
    expect(within(single.measured.fidelity, f, single.measured.fidelityMeasurementStdErr)).toBe(true);
  });

  it('double-click (Barrett–Kok): p = η²/2, F = (1+V)/2, within 3 s.e.', () => {
    const eta = double.etaTotal;
    expect(double.etaArms).toBeUndefined();
    const p = (eta * eta) / 2;
    const f = (1 + double.visibility) / 2;
    expect(within(double.measured.successProbability, p, double.measured.successProbabilityStdErr)).toBe(
      true,
    );
    expect(within(double.measured.fidelity, f, double.measured.fidelityMeasurementStdErr)).toBe(true);
  });

  it('matches the link layer’s exact model: p within 3 s.e., fidelity at the herald exactly', () => {
    for (const l of result.links) {
      expect(
        within(
          l.measured.successProbability,
          l.expected.successProbability,
          l.measured.successProbabilityStdErr,
        ),
      ).toBe(true);
      expect(l.measured.fidelity).toBeCloseTo(l.expected.fidelityAtHerald, 12);
      expect(within(l.measured.rateHz, l.expected.rateHz, l.measured.rateStdErr)).toBe(true);
    }
  });

  it('is reproducible: same seed, same measurements', () => {
    const again = runScenario(parseScenario(TEXT, 'two.yaml'));
    expect(again.links.map((l) => l.measured)).toEqual(result.links.map((l) => l.measured));
  });
});

describe('entanglement links: hardware from the nodes, changed per link', () => {
  it('etaTotal is transducer × fibre half-path × switch × detector (station loss and window included)', () => {
    const text = `name: eta
nodes:
  - { id: A, kind: qpu, transducer: transducer-2030-target }
  - { id: B, kind: qpu, transducer: transducer-2030-target }
  - { id: S, kind: station }
links:
  - { ends: [A, S], lengthKm: 5 }
  - { ends: [S, B], lengthKm: 15 }
entanglement:
  - { id: own, ends: [A, B], protocol: double-click, via: S }
  - { id: changed, ends: [A, B], protocol: double-click, via: S, transducer: brubaker-2022 }
run: { untilUs: 10 }
`;
    const [own, changed] = runScenario(parseScenario(text, 'eta.yaml')).links as [
      EntanglementLinkResult,
      EntanglementLinkResult,
    ];
    expect(own.lengthKm).toBe(20);
    // bsm-snspd: detector 0.9 behind 0.5 dB; the 2030 transducer's 100 ns photons fill the 1 µs
    // window but for e^−10.
    const station = 0.9 * 10 ** -0.05 * (1 - Math.exp(-10));
    expect(own.etaArms![0]).toBeCloseTo(0.8 * 10 ** -0.1 * station, 12);
    expect(own.etaArms![1]).toBeCloseTo(0.8 * 10 ** -0.3 * station, 12);
    // Brubaker et al.'s 300 ns photons lose e^−10/3 of themselves outside the window.
    const window300 = 1 - Math.exp(-10 / 3);
    expect(changed.etaArms![0]).toBeCloseTo(
      (own.etaArms![0] * 0.47 * window300) / (0.8 * (1 - Math.exp(-10))),
      12,
    );
  });

  const bad: [string, string, RegExp][] = [
    [
      'an unknown end',
      TEXT.replace('ends: [A, B], protocol: single-click', 'ends: [A, Z], protocol: single-click'),
      /entanglement\[0\]\.ends\[1\].*unknown node 'Z'/,
    ],
    [
      'no fibre path',
      TEXT.replace('ends: [A, B], protocol: double-click', 'ends: [A, C], protocol: double-click'),
      /entanglement\[1\]\.ends.*no fibre path between 'A' and 'C'/,
    ],
    [
      'an unknown transducer',
      TEXT.replace('protocol: double-click,', 'protocol: double-click, transducer: warp-drive,'),
      /entanglement\[1\]\.transducer.*unknown transducer preset 'warp-drive'/,
    ],
    ['alpha outside [0, 1]', TEXT.replace('alpha: 0.05', 'alpha: 1.5'), /entanglement\[0\]\.alpha/],
    [
      'visibility outside [0, 1]',
      TEXT.replace('protocol: double-click,', 'protocol: double-click, visibility: -0.1,'),
      /entanglement\[1\]\.visibility/,
    ],
    [
      'a cutoff shorter than the heralds',
      TEXT.replace('protocol: double-click,', 'protocol: double-click, cutoffUs: 1,'),
      /entanglement\[1\]\.cutoffUs.*discards every pair/,
    ],
    [
      'more multiplexing than communication qubits',
      TEXT.replace(
        'multiplexing: 10 }\n  - { ends: [A, B], protocol: double',
        'multiplexing: 30 }\n  - { ends: [A, B], protocol: double',
      ),
      /entanglement\[0\]\.multiplexing.*30.*exceeds the 20 communication qubits of 'A'/,
    ],
    [
      'dedicated links needing more qubits than a node has',
      TEXT.replace(/communicationQubits: 20/g, 'communicationQubits: 15'),
      /entanglement\[1\]\.multiplexing.*need 20 communication qubits/,
    ],
    [
      'an end that is not a QPU',
      TEXT.replace('  - { id: C, kind: qpu }', '  - { id: C, kind: host }').replace(
        'ends: [A, B], protocol: double-click',
        'ends: [A, C], protocol: double-click',
      ),
      /entanglement\[1\]\.ends\[1\].*'C'.*is a host, not a qpu/,
    ],
    [
      'a via that is not a station or switch',
      TEXT.replace('protocol: double-click,', 'protocol: double-click, via: C,'),
      /entanglement\[1\]\.via.*a qpu: light heralds at a station/,
    ],
  ];
  for (const [what, text, pattern] of bad) {
    it(`refuses ${what}, naming the field`, () => {
      let error: unknown;
      try {
        parseScenario(text, 'bad.yaml');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(QnetError);
      expect((error as QnetError).format()).toMatch(pattern);
      expect((error as QnetError).format()).toMatch(/bad\.yaml:\d+:\d+/);
      expect((error as QnetError).exitCode).toBe(2);
    });
  }
});
