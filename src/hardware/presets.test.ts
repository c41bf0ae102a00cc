import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  findHardwarePreset,
  HARDWARE_KINDS,
  hardwarePreset,
  listHardwarePresets,
  resolveHardwarePreset,
  validateHardware,
} from './presets.js';

describe('hardware preset registry', () => {
  it('lists every kind with descriptions and sources, and every preset validates', () => {
    expect(HARDWARE_KINDS).toEqual([
      'qpu',
      'transducer',
      'fibre',
      'optical-switch',
      'pair-source',
      'detector',
      'heralding-station',
      'clock',
    ]);
    const all = listHardwarePresets();
    for (const kind of HARDWARE_KINDS) expect(all.some((p) => p.kind === kind)).toBe(true);
    for (const p of all) {
      expect(p.description.length).toBeGreaterThan(10);
      expect(p.source.length).toBeGreaterThan(5);
      expect(() =>
        validateHardware(p.kind, resolveHardwarePreset(p.kind, p.name), ['presets', p.name]),
      ).not.toThrow();
    }
  });

  it('keeps names unique across kinds, so a flat name resolves too', () => {
    const names = listHardwarePresets().map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(findHardwarePreset('smf28')?.kind).toBe('fibre');
    expect(findHardwarePreset('heron-r3')?.preset.params).toMatchObject({ t1Us: 292 });
    expect(findHardwarePreset('nope')).toBeUndefined();
  });

  it('resolves by kind and explains unknown or mis-kinded names', () => {
    expect(resolveHardwarePreset('qpu', 'heron-r2').t2Us).toBe(88);
    expect(hardwarePreset('transducer', 'transducer-2030-target').params.efficiency).toBe(0.8);
    try {
      resolveHardwarePreset('fibre', 'heron-r2');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QnetError);
      expect((e as QnetError).message).toBe("unknown fibre preset 'heron-r2'");
      expect((e as QnetError).hint).toMatch(
        /'heron-r2' is a qpu preset; known fibre presets: smf28, ull-fibre, o-band/,
      );
    }
  });

  it('presets are frozen, deep down', () => {
    const station = resolveHardwarePreset('heralding-station', 'bsm-snspd');
    expect(Object.isFrozen(station)).toBe(true);
    expect(Object.isFrozen(station.detector)).toBe(true);
    expect(() => {
      (resolveHardwarePreset('fibre', 'smf28') as { lossDbPerKm: number }).lossDbPerKm = 1;
    }).toThrow(TypeError);
  });

  it('validateHardware reports at the given path', () => {
    const bad = { ...resolveHardwarePreset('qpu', 'heron-r2'), t2Us: 1000 };
    try {
      validateHardware('qpu', bad, ['presets', 'heron-r2']);
      expect.unreachable();
    } catch (e) {
      expect((e as QnetError).format()).toMatch(/^presets\["heron-r2"\]\.t2Us: T2 cannot exceed 2·T1/);
    }
  });
});
