import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  makeOpticalSwitch,
  OPTICAL_SWITCH_PRESETS,
  OpticalSwitch,
  switchTransmissivity,
  validateOpticalSwitch,
} from './optical-switch.js';

const mems = OPTICAL_SWITCH_PRESETS['mems-switch'].params;
const eo = OPTICAL_SWITCH_PRESETS['eo-switch'].params;

describe('optical switch', () => {
  it('presets: MEMS slow and low-loss, electro-optic fast and lossy', () => {
    for (const [name, p] of Object.entries(OPTICAL_SWITCH_PRESETS))
      validateOpticalSwitch(p.params, ['presets', name]);
    expect(mems.reconfigurationTimeUs).toBeGreaterThanOrEqual(1000);
    expect(eo.reconfigurationTimeUs).toBeLessThanOrEqual(1);
    expect(switchTransmissivity(mems)).toBeCloseTo(0.7943282347242815, 15);
    expect(switchTransmissivity(eo)).toBeCloseTo(0.5011872336272722, 15);
  });

  it('reconfigure returns the delay, 0 when nothing changes', () => {
    const s = new OpticalSwitch(mems);
    expect(
      s.reconfigure([
        [0, 3],
        [1, 2],
      ]),
    ).toBe(10_000_000_000);
    expect(s.outputOf(0)).toBe(3);
    expect(s.inputOf(2)).toBe(1);
    expect(s.inputOf(5)).toBeUndefined();
    expect(
      s.reconfigure([
        [1, 2],
        [0, 3],
      ]),
    ).toBe(0);
    expect(s.reconfigure([[1, 2]])).toBe(10_000_000_000);
    expect(s.connections()).toEqual([[1, 2]]);
    expect(s.outputOf(0)).toBeUndefined();
    expect(new OpticalSwitch(eo).reconfigure([[0, 0]])).toBe(10_000);
  });

  it('refuses ports out of range and shared ports, leaving the state unchanged', () => {
    const s = new OpticalSwitch(eo);
    s.reconfigure([[0, 1]]);
    expect(() => s.reconfigure([[4, 0]])).toThrow(QnetError);
    expect(() =>
      s.reconfigure([
        [0, 1],
        [2, 1],
      ]),
    ).toThrow(/reuses a port/);
    expect(() =>
      s.reconfigure([
        [0, 1],
        [0, 2],
      ]),
    ).toThrow(/reuses a port/);
    expect(s.connections()).toEqual([[0, 1]]);
  });

  it('validation names the field', () => {
    try {
      makeOpticalSwitch({ ports: 1.5 }, ['nodes', 'A', 'switch']);
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).where.path).toEqual(['nodes', 'A', 'switch', 'ports']);
    }
  });
});
