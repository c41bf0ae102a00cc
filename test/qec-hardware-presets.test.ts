// Across layers: every QPU class preset of src/hardware/ feeds qec's hardware noise model directly, and
// the Pauli-twirled idle channel qec builds keeps the T1 and T2 decay of hardware's own idle model.
import { describe, expect, it } from 'vitest';
import { idleNoise, QPU_CLASS_PRESETS } from '../src/hardware/qpu.js';
import { hardwareNoise, layerDurationPs, twirledIdleProbabilities } from '../src/qec/hardware-noise.js';

describe.each(Object.entries(QPU_CLASS_PRESETS))('QPU class preset %s in qec', (_name, preset) => {
  it('is accepted as processor noise figures', () => {
    expect(hardwareNoise(preset.params).qpu).toEqual(preset.params);
  });

  it.each(['gate1', 'gate2', 'measure'] as const)(
    'idle during a %s layer matches hardware idleNoise',
    (kind) => {
      const t = layerDurationPs(preset.params, kind);
      const [px, py, pz] = twirledIdleProbabilities(preset.params, t);
      const exact = idleNoise(preset.params, t);
      expect(1 - 2 * (py + pz)).toBeCloseTo(exact.coherence, 14);
      expect(1 - 2 * (px + pz)).toBeCloseTo(exact.coherence, 14);
      expect(1 - 2 * (px + py)).toBeCloseTo(1 - exact.gamma, 14);
    },
  );
});
