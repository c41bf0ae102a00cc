import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import { resolveHardware } from './hardware-resolve.js';
import { parseScenario } from './load.js';

const BASE = `name: devices
presets:
  long-lived: { kind: qpu, base: heron-r3, t1Us: 1000, t2Us: 1500 }
  longer: { kind: qpu, base: long-lived, t2Us: 2000 }
  good-qnu: { kind: transducer, efficiency: 0.5 }
  my-det: { kind: detector, base: ingaas-spad, efficiency: 0.3 }
  named-det-bsm: { kind: heralding-station, detector: my-det, visibility: 0.95 }
  tweaked-bsm: { kind: heralding-station, detector: { darkCountRateHz: 100 } }
  fast-switch: { kind: optical-switch, base: eo-switch, ports: 16 }
nodes:
  - { id: A, kind: qpu, qpu: longer, transducer: good-qnu, communicationQubits: 4 }
  - { id: S, kind: station, station: named-det-bsm }
  - { id: W, kind: switch, switch: fast-switch }
`;

function failure(text: string): QnetError {
  try {
    parseScenario(text, 'dev.yaml');
  } catch (e) {
    if (e instanceof QnetError) return e;
    throw e;
  }
  throw new Error('expected a QnetError');
}

describe('device presets in a scenario', () => {
  const scenario = parseScenario(BASE, 'dev.yaml');

  it('start from a base (default: the kind’s default preset) and change the fields given', () => {
    expect(resolveHardware(scenario, 'qpu', 'longer')).toMatchObject({
      t1Us: 1000,
      t2Us: 2000,
      gate2qError: 1.27e-3,
    });
    // No base: transducer-2025, with the efficiency changed.
    expect(resolveHardware(scenario, 'transducer', 'good-qnu')).toMatchObject({
      efficiency: 0.5,
      addedNoisePhotons: 0.8,
      repetitionRateHz: 30_000,
    });
    expect(resolveHardware(scenario, 'optical-switch', 'fast-switch')).toEqual({
      ports: 16,
      reconfigurationTimeUs: 0.01,
      insertionLossDb: 3,
    });
    expect(resolveHardware(scenario, 'qpu', 'heron-r2').t1Us).toBe(145);
  });

  it('give a station’s detectors by preset name or by the fields to change', () => {
    const named = resolveHardware(scenario, 'heralding-station', 'named-det-bsm');
    expect(named.detector).toMatchObject({ efficiency: 0.3, darkCountRateHz: 1000, deadTimeNs: 10_000 });
    expect(named.visibility).toBe(0.95);
    const tweaked = resolveHardware(scenario, 'heralding-station', 'tweaked-bsm');
    expect(tweaked.detector).toEqual({
      efficiency: 0.9,
      darkCountRateHz: 100,
      deadTimeNs: 50,
      jitterFwhmPs: 30,
    });
  });

  const bad: [string, string, RegExp][] = [
    [
      'an efficiency above 1',
      BASE.replace('efficiency: 0.5', 'efficiency: 1.5'),
      /^dev\.yaml:5:\d+: presets\["good-qnu"\]\.efficiency: efficiency = 1\.5 is out of range/,
    ],
    [
      'a negative detector efficiency inside a station',
      BASE.replace('detector: { darkCountRateHz: 100 }', 'detector: { efficiency: -0.1 }'),
      /^dev\.yaml:8:\d+: presets\["tweaked-bsm"\]\.detector\.efficiency: efficiency = -0\.1 is out of range/,
    ],
    [
      'T2 above 2·T1',
      BASE.replace('t2Us: 2000', 't2Us: 2500'),
      /^dev\.yaml:4:\d+: presets\.longer\.t2Us: T2 cannot exceed 2·T1 \(t2Us = 2500 µs, 2·t1Us = 2000 µs\)/,
    ],
    [
      'an unknown base',
      BASE.replace('base: heron-r3', 'base: heron-r33'),
      /presets\["long-lived"\]\.base: unknown qpu preset 'heron-r33'.*did you mean 'heron-r3'/s,
    ],
    [
      'a base of another kind',
      BASE.replace('base: ingaas-spad', 'base: snspd-x').replace('base: long-lived', 'base: good-qnu'),
      /presets\.longer\.base: preset 'good-qnu' is a transducer preset, not a qpu preset/,
    ],
    [
      'presets based on each other in a circle',
      BASE.replace('base: heron-r3', 'base: longer'),
      /presets\["long-lived"\]\.base: preset 'long-lived' is its own base/,
    ],
    [
      'redefining a built-in device',
      BASE.replace('  good-qnu:', '  heron-r2:'),
      /presets\["heron-r2"\]: preset 'heron-r2' is built in.*base: heron-r2/s,
    ],
    [
      'an unknown QPU class on a node',
      BASE.replace('qpu: longer', 'qpu: heron-r4'),
      /nodes\[0\]\.qpu: unknown qpu preset 'heron-r4'/,
    ],
    [
      'a station preset on a QPU',
      BASE.replace('communicationQubits: 4 }', 'communicationQubits: 4, station: bsm-snspd }'),
      /nodes\[0\]\.station: station is only allowed on station nodes, but node 'A' is a qpu/,
    ],
    [
      'a preset of the wrong kind on a node',
      BASE.replace('switch: fast-switch', 'switch: good-qnu'),
      /nodes\[2\]\.switch: preset 'good-qnu' is a transducer preset, not a optical-switch preset/,
    ],
    [
      'communication qubits on a switch',
      BASE.replace('switch: fast-switch }', 'switch: fast-switch, communicationQubits: 2 }'),
      /nodes\[2\]\.communicationQubits: communicationQubits is only allowed on qpu nodes/,
    ],
  ];
  for (const [what, text, pattern] of bad) {
    it(`refuses ${what}, with the place and the field`, () => {
      const e = failure(text);
      expect(e.exitCode).toBe(2);
      expect(e.format()).toMatch(pattern);
      expect(e.hint).toBeTruthy();
    });
  }
});
