// Every hardware preset by kind, so the scenario layer can list, describe, resolve and validate them
// without knowing each model. Preset names are unique across kinds, so a flat name also works.
import { QnetError } from '../util/errors.js';
import { CLOCK_PRESETS, type ClockParams, validateClock } from './clock.js';
import { DETECTOR_PRESETS, type DetectorParams, validateDetector } from './detector.js';
import { FIBRE_PRESETS, type FibreParams, validateFibre } from './fibre.js';
import {
  HERALDING_STATION_PRESETS,
  type HeraldingStationParams,
  validateHeraldingStation,
} from './heralding-station.js';
import { OPTICAL_SWITCH_PRESETS, type OpticalSwitchParams, validateOpticalSwitch } from './optical-switch.js';
import { PAIR_SOURCE_PRESETS, type PairSourceParams, validatePairSource } from './pair-source.js';
import type { FieldPath, HardwarePreset } from './params.js';
import { QPU_CLASS_PRESETS, type QpuClassParams, validateQpuClass } from './qpu.js';
import { TRANSDUCER_PRESETS, type TransducerParams, validateTransducer } from './transducer.js';

/** Parameters of each kind of device. A QPU preset is a class: the scenario adds the qubit counts. */
export interface HardwareParamsByKind {
  qpu: QpuClassParams;
  transducer: TransducerParams;
  fibre: FibreParams;
  'optical-switch': OpticalSwitchParams;
  'pair-source': PairSourceParams;
  detector: DetectorParams;
  'heralding-station': HeraldingStationParams;
  clock: ClockParams;
}

export type HardwareKind = keyof HardwareParamsByKind;

type PresetTable<K extends HardwareKind> = Readonly<Record<string, HardwarePreset<HardwareParamsByKind[K]>>>;
type Validator<K extends HardwareKind> = (
  params: HardwareParamsByKind[K],
  path: FieldPath,
) => HardwareParamsByKind[K];

const TABLES: { readonly [K in HardwareKind]: PresetTable<K> } = {
  qpu: QPU_CLASS_PRESETS,
  transducer: TRANSDUCER_PRESETS,
  fibre: FIBRE_PRESETS,
  'optical-switch': OPTICAL_SWITCH_PRESETS,
  'pair-source': PAIR_SOURCE_PRESETS,
  detector: DETECTOR_PRESETS,
  'heralding-station': HERALDING_STATION_PRESETS,
  clock: CLOCK_PRESETS,
};

const VALIDATORS: { readonly [K in HardwareKind]: Validator<K> } = {
  qpu: validateQpuClass,
  transducer: validateTransducer,
  fibre: validateFibre,
  'optical-switch': validateOpticalSwitch,
  'pair-source': validatePairSource,
  detector: validateDetector,
  'heralding-station': validateHeraldingStation,
  clock: validateClock,
};

export const HARDWARE_KINDS: readonly HardwareKind[] = Object.freeze(Object.keys(TABLES) as HardwareKind[]);

/** One line of the preset listing. */
export interface HardwarePresetInfo {
  readonly kind: HardwareKind;
  readonly name: string;
  readonly description: string;
  readonly source: string;
}

/** All presets (of one kind, if given), in kind then declaration order. */
export function listHardwarePresets(kind?: HardwareKind): HardwarePresetInfo[] {
  const kinds = kind === undefined ? HARDWARE_KINDS : [kind];
  return kinds.flatMap((k) =>
    Object.entries(TABLES[k]).map(([name, p]) => ({
      kind: k,
      name,
      description: p.description,
      source: p.source,
    })),
  );
}

export function isHardwareKind(kind: string): kind is HardwareKind {
  return Object.hasOwn(TABLES, kind);
}

/** The preset `name` of `kind`; a QnetError listing the known names if there is none. */
export function hardwarePreset<K extends HardwareKind>(
  kind: K,
  name: string,
): HardwarePreset<HardwareParamsByKind[K]> {
  const table: PresetTable<K> = TABLES[kind];
  const preset = Object.hasOwn(table, name) ? table[name] : undefined;
  if (preset !== undefined) return preset;
  const other = findHardwarePreset(name);
  throw new QnetError('E_HARDWARE_PRESET', `unknown ${kind} preset '${name}'`, {
    hint: `${other ? `'${name}' is a ${other.kind} preset; ` : ''}known ${kind} presets: ${Object.keys(table).join(', ')}`,
  });
}

/** The parameters of preset `name` of `kind`. */
export function resolveHardwarePreset<K extends HardwareKind>(
  kind: K,
  name: string,
): Readonly<HardwareParamsByKind[K]> {
  return hardwarePreset(kind, name).params;
}

/** The kind and preset called `name`, whatever its kind. */
export function findHardwarePreset(
  name: string,
): { kind: HardwareKind; preset: HardwarePreset<HardwareParamsByKind[HardwareKind]> } | undefined {
  for (const kind of HARDWARE_KINDS) {
    const table = TABLES[kind];
    const preset = Object.hasOwn(table, name) ? table[name] : undefined;
    if (preset !== undefined) return { kind, preset };
  }
  return undefined;
}

/** Validates `params` as a `kind` device, reporting errors at `path`. */
export function validateHardware<K extends HardwareKind>(
  kind: K,
  params: HardwareParamsByKind[K],
  path: FieldPath,
): HardwareParamsByKind[K] {
  const validate: Validator<K> = VALIDATORS[kind];
  return validate(params, path);
}
