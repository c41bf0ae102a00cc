import { describe, expect, it } from 'vitest';
import { darkCountProbability } from '../hardware/detector.js';
import { resolveHardwarePreset } from '../hardware/presets.js';
import { idlePair } from '../netstack/held-pair.js';
import { attemptOutcome, type HeraldedProtocol } from '../netstack/heralded-attempt.js';
import { QnetError } from '../util/errors.js';
import { fibreDelayPs } from '../util/units.js';
import { parseScenario } from './load.js';
import { runScenario } from './run-scenario.js';

const TEXT = `name: ent
seed: 3
run: { untilUs: 200000 }
nodes:
  - { id: A, kind: qpu }
  - { id: B, kind: qpu }
  - { id: C, kind: qpu }
links:
  - { ends: [A, B], lengthKm: 20 }
entanglement:
  - { ends: [A, B], protocol: single-click, alpha: 0.05, transducer: transducer-2030-target }
  - { ends: [A, B], protocol: double-click, transducer: transducer-2030-target }
  - { ends: [A, B], protocol: midpoint-source, meanPairs: 0.02, transducer: transducer-2030-target }
`;

describe('entanglement links in a scenario', () => {
  const result = runScenario(parseScenario(TEXT, 'ent.yaml'));

  it('measure the model success probability within 3 standard errors for every protocol', () => {
    expect(result.links.map((l) => l.protocol)).toEqual(['single-click', 'double-click', 'midpoint-source']);
    for (const l of result.links) {
      const p = l.expected.successProbability;
      const se = Math.sqrt((p * (1 - p)) / l.measured.attempts);
      expect(l.measured.pairs).toBeGreaterThan(500);
      expect(Math.abs(l.measured.successProbability - p)).toBeLessThan(3 * se);
    }
  });

  it('deliver pairs aged in both memories for the herald delay (station at mid-fibre)', () => {
    const memory = resolveHardwarePreset('qpu', 'heron-r2');
    const delayPs = Math.round(fibreDelayPs(20) / 2);
    for (const l of result.links) {
      expect(l.etaTotal).toBeCloseTo(0.8 * 10 ** ((-0.2 * 10) / 10) * 0.9, 12);
      const sim = runScenario(parseScenario(TEXT, 'ent.yaml'));
      const same = sim.links.find((x) => x.id === l.id)!;
      expect(same.measured).toEqual(l.measured);
      // Every pair is taken the moment its herald arrives, so each has the same history and the
      // delivered mean is the model's heralded state aged by the herald delay, exactly.
      const attempt = attemptOutcome(l.protocol as HeraldedProtocol, {
        etaA: l.etaTotal,
        etaB: l.etaTotal,
        visibility: l.visibility,
        pDark: darkCountProbability(10, 100_000),
        alpha: l.alpha ?? 0,
        meanPairs: l.meanPairs ?? 1,
      });
      expect(attempt.state![0]).toBeCloseTo(l.expected.fidelity, 12);
      expect(l.measured.fidelity).toBeCloseTo(idlePair(attempt.state!, delayPs, memory, memory)[0], 12);
    }
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
      /entanglement\[1\]\.ends.*no fibre path/,
    ],
    [
      'an unknown transducer',
      TEXT.replace(
        'meanPairs: 0.02, transducer: transducer-2030-target',
        'meanPairs: 0.02, transducer: warp-drive',
      ),
      /entanglement\[2\]\.transducer/,
    ],
    ['alpha outside [0, 1]', TEXT.replace('alpha: 0.05', 'alpha: 1.5'), /entanglement\[0\]\.alpha/],
    [
      'visibility outside [0, 1]',
      TEXT.replace('protocol: double-click,', 'protocol: double-click, visibility: -0.1,'),
      /entanglement\[1\]\.visibility/,
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
    });
  }
});
