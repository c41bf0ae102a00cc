// A device preset name, as a scenario uses it, turned into validated device parameters: the file's
// own presets (a base, built-in or from the file, plus the fields it changes), then the built-ins.
// Every file preset goes through the device model's validator, which names the offending field.
import type { HeraldingStationParams } from '../hardware/heralding-station.js';
import type { FieldPath } from '../hardware/params.js';
import { withDefaults } from '../hardware/params.js';
import {
  findHardwarePreset,
  type HardwareParamsByKind,
  listHardwarePresets,
  resolveHardwarePreset,
  validateHardware,
} from '../hardware/presets.js';
import { QnetError } from '../util/errors.js';
import { DEFAULT_HARDWARE, type ScenarioHardwareKind } from './hardware-presets.js';
import type { HasPresets, Preset } from './presets.js';
import { didYouMean, listNames } from './suggest.js';

export type HardwareParams<K extends ScenarioHardwareKind> = HardwareParamsByKind[K];

/** The parameters preset `name` of `kind` stands for in `scenario`; a QnetError when it cannot. */
export function resolveHardware<K extends ScenarioHardwareKind>(
  scenario: HasPresets,
  kind: K,
  name: string,
): HardwareParams<K> {
  return resolveChain(scenario, kind, name, []);
}

/** Preset names of `kind` a scenario can use: built-ins, then the file's. */
export function hardwareNames(scenario: HasPresets, kind: ScenarioHardwareKind): string[] {
  const own = Object.entries(scenario.presets)
    .filter(([, p]) => p.kind === kind)
    .map(([n]) => n);
  return [...listHardwarePresets(kind).map((p) => p.name), ...own];
}

function resolveChain<K extends ScenarioHardwareKind>(
  scenario: HasPresets,
  kind: K,
  name: string,
  seen: readonly string[],
): HardwareParams<K> {
  const own: Preset | undefined = Object.hasOwn(scenario.presets, name) ? scenario.presets[name] : undefined;
  if (own === undefined) {
    if (findHardwarePreset(name)?.kind === kind)
      return resolveHardwarePreset(kind, name) as HardwareParams<K>;
    throw unknown(scenario, kind, name);
  }
  if (own.kind !== kind) {
    throw new QnetError(
      'E_SCENARIO_PRESET',
      `preset '${name}' is a ${own.kind} preset, not a ${kind} preset`,
      {
        hint: `known ${kind} presets: ${listNames(hardwareNames(scenario, kind))}`,
      },
    );
  }
  const at: FieldPath = ['presets', name];
  const { kind: _kind, base, ...fields } = own as Preset & { base?: string };
  const baseName = base ?? DEFAULT_HARDWARE[kind];
  if (seen.includes(name) || baseName === name) {
    throw new QnetError('E_SCENARIO_PRESET', `preset '${name}' is its own base`, {
      path: [...at, 'base'],
      hint: `presets based on each other in a circle: ${[...seen, name].join(' → ')}; start one from a built-in`,
    });
  }
  let baseParams: HardwareParams<K>;
  try {
    baseParams = resolveChain(scenario, kind, baseName, [...seen, name]);
  } catch (e) {
    // An unknown base is this preset's mistake; a bad base preset reports its own field.
    if (e instanceof QnetError && e.where.path === undefined) throw e.withWhere({ path: [...at, 'base'] });
    throw e;
  }
  const merged =
    kind === 'heralding-station'
      ? mergeStation(scenario, baseParams as never, fields, at)
      : withDefaults(baseParams, fields as Partial<HardwareParams<K>>);
  return validateHardware(kind, merged as HardwareParams<K>, at) as HardwareParams<K>;
}

/** A station's `detector` may be a detector preset name or fields changing the base's detector. */
function mergeStation(
  scenario: HasPresets,
  base: HeraldingStationParams,
  fields: Record<string, unknown>,
  at: FieldPath,
): HeraldingStationParams {
  const { detector, ...rest } = fields;
  let merged = base.detector;
  if (typeof detector === 'string') {
    try {
      merged = resolveHardware(scenario, 'detector', detector);
    } catch (e) {
      if (e instanceof QnetError && e.where.path === undefined)
        throw e.withWhere({ path: [...at, 'detector'] });
      throw e;
    }
  } else if (detector !== undefined) {
    merged = withDefaults(base.detector, detector as Partial<HeraldingStationParams['detector']>);
  }
  return withDefaults(base, { ...(rest as Partial<HeraldingStationParams>), detector: merged });
}

function unknown(scenario: HasPresets, kind: ScenarioHardwareKind, name: string): QnetError {
  const known = hardwareNames(scenario, kind);
  const other = findHardwarePreset(name);
  return new QnetError('E_SCENARIO_PRESET', `unknown ${kind} preset '${name}'`, {
    hint: `${other ? `'${name}' is a ${other.kind} preset; ` : didYouMean(name, known)}known ${kind} presets: ${listNames(known)}`,
  });
}
