// Named hardware parameter sets. Links refer to them by name so that a file says `fibre: ull-fibre`
// once instead of repeating numbers on every link. New kinds join the discriminated union below; the
// device kinds (qpu, transducer, ...) are defined in hardware-presets.ts and resolved in
// hardware-resolve.ts against the device models' own built-ins.

import { z } from 'zod';
import { QnetError } from '../util/errors.js';
import { SMF_GROUP_INDEX } from '../util/units.js';
import { HARDWARE_PRESET_SCHEMAS } from './hardware-presets.js';
import { didYouMean, listNames } from './suggest.js';

export const FibrePresetSchema = z
  .strictObject({
    kind: z.literal('fibre').describe('Preset kind: optical fibre.'),
    lossDbPerKm: z
      .number()
      .min(0)
      .default(0.2)
      .describe('Attenuation in dB per km (0.2 dB/km is standard single-mode fibre at 1550 nm).'),
    groupIndex: z
      .number()
      .min(1)
      .default(SMF_GROUP_INDEX)
      .describe('Group index n (dimensionless); light travels at c/n, 1.468 gives about 4.9 µs per km.'),
  })
  .meta({ title: 'FibrePreset', description: 'Optical fibre parameters.' });

export const ClassicalPresetSchema = z
  .strictObject({
    kind: z.literal('classical').describe('Preset kind: classical control channel.'),
    jitterPs: z
      .number()
      .min(0)
      .default(0)
      .describe('Timing jitter of message delivery, standard deviation in picoseconds (ps).'),
    processingDelayPs: z
      .int()
      .min(0)
      .default(0)
      .describe('Time a node takes to handle each message it receives, in whole picoseconds (ps).'),
  })
  .meta({
    title: 'ClassicalPreset',
    description: 'Classical channel parameters (messages travel over the link fibre).',
  });

export const PresetSchema = z.discriminatedUnion('kind', [
  FibrePresetSchema,
  ClassicalPresetSchema,
  ...HARDWARE_PRESET_SCHEMAS,
]);

export type FibrePreset = z.output<typeof FibrePresetSchema>;
export type ClassicalPreset = z.output<typeof ClassicalPresetSchema>;
export type Preset = z.output<typeof PresetSchema>;
export type PresetKind = Preset['kind'];
type PresetOfKind<K extends PresetKind> = Extract<Preset, { kind: K }>;

export const BUILTIN_PRESETS = deepFreeze({
  smf28: { kind: 'fibre', lossDbPerKm: 0.2, groupIndex: SMF_GROUP_INDEX },
  'ull-fibre': { kind: 'fibre', lossDbPerKm: 0.17, groupIndex: SMF_GROUP_INDEX },
  'white-rabbit': { kind: 'classical', jitterPs: 10, processingDelayPs: 0 },
  ethernet: { kind: 'classical', jitterPs: 1_000, processingDelayPs: 1_000_000 },
} as const satisfies Record<string, Preset>);

export type BuiltinPresetName = keyof typeof BUILTIN_PRESETS;

/** Short descriptions for the reference docs; keyed like BUILTIN_PRESETS so none is forgotten. */
export const BUILTIN_PRESET_NOTES: Readonly<Record<BuiltinPresetName, string>> = Object.freeze({
  smf28: 'Standard single-mode fibre (ITU-T G.652, e.g. Corning SMF-28) at 1550 nm.',
  'ull-fibre': 'Ultra-low-loss fibre.',
  'white-rabbit': 'White Rabbit timing network: sub-nanosecond synchronisation.',
  ethernet: 'Commodity Ethernet control plane with a software stack.',
});

export function isBuiltinPreset(name: string): name is BuiltinPresetName {
  return Object.hasOwn(BUILTIN_PRESETS, name);
}

/** What `resolvePreset` needs of a scenario: the presets the file itself defines. */
export interface HasPresets {
  readonly presets: Readonly<Record<string, Preset>>;
}

/** Every preset name a scenario can use, builtins first. */
export function presetNames(scenario: HasPresets, kind?: PresetKind): string[] {
  const all: [string, Preset][] = [...Object.entries(BUILTIN_PRESETS), ...Object.entries(scenario.presets)];
  return all.filter(([, p]) => kind === undefined || p.kind === kind).map(([name]) => name);
}

/**
 * The parameters a preset name stands for: the file's own presets, then the builtins. With `kind`,
 * also checks the preset is of that kind, so callers get the narrowed type.
 */
export function resolvePreset(scenario: HasPresets, name: string): Preset;
export function resolvePreset<K extends PresetKind>(
  scenario: HasPresets,
  name: string,
  kind: K,
): PresetOfKind<K>;
export function resolvePreset(scenario: HasPresets, name: string, kind?: PresetKind): Preset {
  const preset = Object.hasOwn(scenario.presets, name)
    ? scenario.presets[name]
    : isBuiltinPreset(name)
      ? BUILTIN_PRESETS[name]
      : undefined;
  if (preset === undefined) {
    const known = presetNames(scenario, kind);
    throw new QnetError('E_SCENARIO_PRESET', `unknown ${kind ?? ''}${kind ? ' ' : ''}preset '${name}'`, {
      hint: `${didYouMean(name, known)}known ${kind ? `${kind} ` : ''}presets: ${listNames(known)}`,
    });
  }
  if (kind !== undefined && preset.kind !== kind) {
    throw new QnetError(
      'E_SCENARIO_PRESET',
      `preset '${name}' is a ${preset.kind} preset, not a ${kind} preset`,
      {
        hint: `known ${kind} presets: ${listNames(presetNames(scenario, kind))}`,
      },
    );
  }
  return preset;
}

function deepFreeze<T extends Record<string, object>>(record: T): T {
  for (const value of Object.values(record)) Object.freeze(value);
  return Object.freeze(record);
}
