// Optical fibre: loss and delay of a span, and the repeaterless bounds every direct link must obey.
import { fibreDelayPs, fibreTransmissivity, SMF_GROUP_INDEX } from '../util/units.js';
import {
  checkNumber,
  type FieldPath,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  withDefaults,
} from './params.js';

export interface FibreParams {
  /** Attenuation, dB per km. */
  readonly lossDbPerKm: number;
  /** Group index n: light travels at c/n. */
  readonly groupIndex: number;
  /** Operating wavelength, nm (documentation; the loss figure is the one for this wavelength). */
  readonly wavelengthNm: number;
}

export const FIBRE_PRESETS = freezePresets({
  smf28: {
    description: 'standard single-mode fibre (ITU-T G.652, e.g. Corning SMF-28) at 1550 nm',
    source: 'REFERENCES.md, Fibre: 0.2 dB/km, n = 1.468',
    params: { lossDbPerKm: 0.2, groupIndex: SMF_GROUP_INDEX, wavelengthNm: 1550 },
  },
  'ull-fibre': {
    description: 'ultra-low-loss fibre at 1550 nm',
    // Group index: kept at 1.468; it differs between silica fibres by well under 1%.
    source: 'REFERENCES.md, Fibre: ultra-low-loss 0.17 dB/km',
    params: { lossDbPerKm: 0.17, groupIndex: SMF_GROUP_INDEX, wavelengthNm: 1550 },
  },
  'o-band': {
    description: 'standard single-mode fibre in the O band (1310 nm)',
    // Group index: kept at 1.468; in G.652 fibre it changes by well under 1% from 1550 to 1310 nm.
    source: 'REFERENCES.md, Fibre: 0.35 dB/km at 1310 nm',
    params: { lossDbPerKm: 0.35, groupIndex: SMF_GROUP_INDEX, wavelengthNm: 1310 },
  },
} as const satisfies Record<string, HardwarePreset<FibreParams>>);

export type FibrePresetName = keyof typeof FIBRE_PRESETS;
export const DEFAULT_FIBRE: FibreParams = FIBRE_PRESETS.smf28.params;

export function validateFibre(params: FibreParams, path: FieldPath): FibreParams {
  checkNumber(params, 'lossDbPerKm', path, nonNegative('the attenuation in dB per km'));
  checkNumber(params, 'groupIndex', path, { min: 1, meaning: 'the group index (light travels at c/n)' });
  checkNumber(params, 'wavelengthNm', path, { above: 0, meaning: 'the wavelength in nm' });
  return params;
}

export function makeFibre(overrides: Partial<FibreParams> = {}, path: FieldPath = []): FibreParams {
  return validateFibre(withDefaults(DEFAULT_FIBRE, overrides), path);
}

/** Checks a span length in km at `[...path, 'lengthKm']`. */
export function validateLengthKm(lengthKm: number, path: FieldPath): number {
  return checkNumber({ lengthKm }, 'lengthKm', path, nonNegative('the fibre length in km'));
}

/** Transmissivity of `lengthKm` of this fibre, η = 10^(−αL/10) (REFERENCES.md, Fibre). */
export function spanTransmissivity(fibre: FibreParams, lengthKm: number): number {
  return fibreTransmissivity(lengthKm, fibre.lossDbPerKm);
}

/** One-way delay through `lengthKm` of this fibre, whole ps (L·n/c). */
export function spanDelayPs(fibre: FibreParams, lengthKm: number): number {
  return fibreDelayPs(lengthKm, fibre.groupIndex);
}

/** PLOB bound −log2(1−η): ebits per channel use no repeaterless protocol can beat (Pirandola et al. 2017). */
export function plobBound(eta: number): number {
  // Pirandola, Laurenza, Ottaviani, Banchi, Nat. Commun. 8, 15043 (2017). Infinite at η = 1.
  // log1p keeps full relative precision at the η ~ 1e-10 of long fibres, where 1 − η would not.
  return -Math.log1p(-eta) / Math.LN2;
}

/** TGW bound log2((1+η)/(1−η)) ebits per channel use (Takeoka, Guha, Wilde, Nat. Commun. 5, 5235, 2014). */
export function tgwBound(eta: number): number {
  // Always ≥ PLOB (the difference is log2(1+η)): PLOB is the tighter of the two upper bounds.
  return (Math.log1p(eta) - Math.log1p(-eta)) / Math.LN2;
}
