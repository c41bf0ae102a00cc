// An N×N optical circuit switch: which input reaches which output, how long a change takes and how
// much light it costs. A node uses one to point its few transducers at many fibres.
import { QnetError } from '../util/errors.js';
import { dbToTransmissivity, usToPs } from '../util/units.js';
import {
  checkNumber,
  E_HARDWARE,
  type FieldPath,
  freezePresets,
  type HardwarePreset,
  nonNegative,
  withDefaults,
} from './params.js';

export interface OpticalSwitchParams {
  /** Inputs, and as many outputs. */
  readonly ports: number;
  /** Time from a reconfiguration command until the new paths carry light, µs. */
  readonly reconfigurationTimeUs: number;
  /** Loss through one path, dB. */
  readonly insertionLossDb: number;
}

export const OPTICAL_SWITCH_PRESETS = freezePresets({
  'mems-switch': {
    description: 'MEMS / beam-steering fibre switch: 32 ports, 10 ms to reconfigure, 1 dB',
    // Commercial 3D-MEMS and piezo beam-steering switches: ~1 dB insertion loss and switching in
    // milliseconds (10–25 ms in datasheets); 10 ms and 32 ports are representative, not one product.
    source: 'vendor datasheets of 3D-MEMS / beam-steering switches (order of magnitude)',
    params: { ports: 32, reconfigurationTimeUs: 10_000, insertionLossDb: 1 },
  },
  'eo-switch': {
    description: 'fast electro-optic (lithium niobate) switch: 4 ports, 10 ns to reconfigure, 3 dB',
    // Integrated LiNbO3 switch matrices reconfigure in ns but lose more light (a few dB) and come
    // with few ports; 10 ns and 3 dB are representative.
    source: 'integrated lithium-niobate switch matrices (order of magnitude)',
    params: { ports: 4, reconfigurationTimeUs: 0.01, insertionLossDb: 3 },
  },
} as const satisfies Record<string, HardwarePreset<OpticalSwitchParams>>);

export type OpticalSwitchPresetName = keyof typeof OPTICAL_SWITCH_PRESETS;
export const DEFAULT_OPTICAL_SWITCH: OpticalSwitchParams = OPTICAL_SWITCH_PRESETS['mems-switch'].params;

export function validateOpticalSwitch(params: OpticalSwitchParams, path: FieldPath): OpticalSwitchParams {
  checkNumber(params, 'ports', path, { min: 1, integer: true, meaning: 'the number of inputs (= outputs)' });
  checkNumber(params, 'reconfigurationTimeUs', path, nonNegative('the reconfiguration time in µs'));
  checkNumber(params, 'insertionLossDb', path, nonNegative('the insertion loss of one path in dB'));
  return params;
}

export function makeOpticalSwitch(
  overrides: Partial<OpticalSwitchParams> = {},
  path: FieldPath = [],
): OpticalSwitchParams {
  return validateOpticalSwitch(withDefaults(DEFAULT_OPTICAL_SWITCH, overrides), path);
}

/** Transmissivity of one path through the switch, 10^(−IL/10). */
export function switchTransmissivity(params: OpticalSwitchParams): number {
  return dbToTransmissivity(params.insertionLossDb);
}

/** An input → output connection. */
export type SwitchPair = readonly [input: number, output: number];

/** The connection state of one switch. Starts with nothing connected. */
export class OpticalSwitch {
  readonly params: OpticalSwitchParams;
  private readonly outputOfInput = new Map<number, number>();

  constructor(params: OpticalSwitchParams) {
    this.params = params;
  }

  /** The output `input` is connected to, or undefined. */
  outputOf(input: number): number | undefined {
    return this.outputOfInput.get(input);
  }

  /** The input connected to `output`, or undefined. */
  inputOf(output: number): number | undefined {
    for (const [i, o] of this.outputOfInput) if (o === output) return i;
    return undefined;
  }

  /** The current connections, sorted by input. */
  connections(): SwitchPair[] {
    return [...this.outputOfInput].sort((a, b) => a[0] - b[0]);
  }

  /**
   * Makes `pairs` the whole configuration (inputs not listed are disconnected) and returns the
   * delay in ps before it carries light: 0 when nothing changes, else the reconfiguration time.
   * Throws on ports out of range and on two pairs sharing an input or an output.
   */
  reconfigure(pairs: readonly SwitchPair[]): number {
    const next = new Map<number, number>();
    const usedOutputs = new Set<number>();
    for (const [input, output] of pairs) {
      this.checkPort(input, 'input');
      this.checkPort(output, 'output');
      if (next.has(input) || usedOutputs.has(output)) {
        throw new QnetError(E_HARDWARE, `switch connection ${input}→${output} reuses a port`, {
          hint: 'each input and each output of a circuit switch carries one connection at a time',
        });
      }
      next.set(input, output);
      usedOutputs.add(output);
    }
    const unchanged =
      next.size === this.outputOfInput.size && [...next].every(([i, o]) => this.outputOfInput.get(i) === o);
    this.outputOfInput.clear();
    for (const [i, o] of next) this.outputOfInput.set(i, o);
    return unchanged ? 0 : usToPs(this.params.reconfigurationTimeUs);
  }

  private checkPort(port: number, role: string): void {
    if (!Number.isInteger(port) || port < 0 || port >= this.params.ports) {
      throw new QnetError(E_HARDWARE, `switch ${role} ${port} does not exist`, {
        hint: `ports are numbered 0 to ${this.params.ports - 1}`,
      });
    }
  }
}
