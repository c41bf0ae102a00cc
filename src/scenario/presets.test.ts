import { describe, expect, it } from 'vitest';
import { QnetError } from '../util/errors.js';
import {
  BUILTIN_PRESET_NOTES,
  BUILTIN_PRESETS,
  PresetSchema,
  presetNames,
  resolvePreset,
} from './presets.js';

const scenario = { presets: { lab: { kind: 'fibre' as const, lossDbPerKm: 0.4, groupIndex: 1.5 } } };

describe('presets', () => {
  it('has the documented builtins, each valid and described', () => {
    expect(BUILTIN_PRESETS.smf28).toEqual({ kind: 'fibre', lossDbPerKm: 0.2, groupIndex: 1.468 });
    expect(BUILTIN_PRESETS['ull-fibre'].lossDbPerKm).toBe(0.17);
    expect(BUILTIN_PRESETS['white-rabbit']).toEqual({
      kind: 'classical',
      jitterPs: 10,
      processingDelayPs: 0,
    });
    expect(BUILTIN_PRESETS.ethernet).toEqual({
      kind: 'classical',
      jitterPs: 1000,
      processingDelayPs: 1_000_000,
    });
    for (const [name, preset] of Object.entries(BUILTIN_PRESETS)) {
      expect(PresetSchema.parse(preset)).toEqual(preset);
      expect(Object.keys(BUILTIN_PRESET_NOTES)).toContain(name);
    }
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(BUILTIN_PRESETS)).toBe(true);
    expect(Object.isFrozen(BUILTIN_PRESETS.smf28)).toBe(true);
  });

  it('resolves file presets and builtins, narrowing by kind', () => {
    expect(resolvePreset(scenario, 'lab')).toEqual(scenario.presets.lab);
    expect(resolvePreset(scenario, 'ethernet', 'classical').processingDelayPs).toBe(1_000_000);
    expect(resolvePreset({ presets: {} }, 'smf28', 'fibre').groupIndex).toBe(1.468);
    expect(presetNames(scenario, 'fibre')).toEqual(['smf28', 'ull-fibre', 'lab']);
  });

  it('refuses unknown names and wrong kinds with hints', () => {
    expect(() => resolvePreset(scenario, 'lba')).toThrow(QnetError);
    try {
      resolvePreset(scenario, 'lba', 'fibre');
    } catch (e) {
      expect((e as QnetError).code).toBe('E_SCENARIO_PRESET');
      expect((e as QnetError).hint).toMatch(/did you mean 'lab'\?.*smf28, ull-fibre, lab/);
    }
    expect(() => resolvePreset(scenario, 'lab', 'classical')).toThrow(/fibre preset, not a classical preset/);
    // Inherited object keys are not preset names.
    expect(() => resolvePreset({ presets: {} }, 'toString')).toThrow(QnetError);
  });
});
