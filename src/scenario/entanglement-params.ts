// A scenario's entanglement link as the link layer's parameters: one set per station it can use
// (one, or one per station of a switched pool). Devices come from the end nodes and the station,
// changed by the link's own fields; each arm's fibres and switches from photon-paths.ts.
import { CLOCK_PRESETS } from '../hardware/clock.js';
import type { FibreParams } from '../hardware/fibre.js';
import type { HeraldingStationParams } from '../hardware/heralding-station.js';
import type { FieldPath } from '../hardware/params.js';
import type { EntanglementLinkParams, LinkEndParams } from '../netstack/link-params.js';
import { QnetError } from '../util/errors.js';
import { C_KM_PER_PS } from '../util/units.js';
import type { EntanglementLink } from './entanglement.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import type { Arm, LinkPlacement, PhotonPaths } from './photon-paths.js';
import type { Scenario, ScenarioNode } from './schema.js';

/** The link layer's parameters for one station a link can use. */
export interface LinkOption {
  /** The station node, or undefined for the default station in the middle of the fibre path. */
  readonly station: string | undefined;
  readonly arms: readonly [Arm, Arm];
  readonly params: EntanglementLinkParams;
}

export interface PlacedLink {
  readonly placement: LinkPlacement;
  readonly options: readonly LinkOption[];
}

/** Every clock is White Rabbit for now: scenarios do not name clocks yet. */
const CLOCK = CLOCK_PRESETS['white-rabbit'].params;

/** The link's parameters at each station it can use; undefined when light cannot reach one. */
export function placeLink(
  scenario: Scenario,
  paths: PhotonPaths,
  link: EntanglementLink,
): PlacedLink | undefined {
  const placement = paths.placement(link);
  if (!placement) return undefined;
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const options = placement.options.map(({ station, arms }): LinkOption => {
    const stationNode = station === undefined ? undefined : nodes.get(station);
    const id = placement.kind === 'pool' ? `${link.id}@${station}` : link.id;
    const end = (k: 0 | 1): LinkEndParams =>
      endParams(scenario, paths, link, nodes.get(link.ends[k])!, arms[k]);
    const params: EntanglementLinkParams = {
      id,
      scheme: link.protocol,
      ends: [end(0), end(1)],
      station: stationParams(scenario, link, stationNode),
      brightStatePopulation: link.alpha,
      ...(link.protocol === 'midpoint-source' ? { source: sourceParams(scenario, link, stationNode) } : {}),
      ...(link.attemptRateHz === undefined ? {} : { repetitionRateHz: link.attemptRateHz }),
      ...(link.cutoffUs === undefined ? {} : { cutoffUs: link.cutoffUs }),
    };
    return { station, arms, params };
  });
  return { placement, options };
}

function endParams(
  scenario: Scenario,
  paths: PhotonPaths,
  link: EntanglementLink,
  node: ScenarioNode,
  arm: Arm,
): LinkEndParams {
  const memory = resolveHardware(scenario, 'qpu', link.memory ?? node.qpu ?? DEFAULT_HARDWARE.qpu);
  return {
    node: node.id,
    communicationQubits: link.multiplexing,
    memory: { t1Us: memory.t1Us, t2Us: memory.t2Us },
    transducer: resolveHardware(
      scenario,
      'transducer',
      link.transducer ?? node.transducer ?? DEFAULT_HARDWARE.transducer,
    ),
    fibre: armFibre(arm),
    lengthKm: arm.lengthKm,
    switches: arm.switches.map((s) => paths.switchParams(s)),
    clock: CLOCK,
  };
}

/** One fibre standing for an arm's spans: their total length, loss and delay. */
function armFibre(arm: Arm): FibreParams {
  if (arm.lengthKm === 0) return { lossDbPerKm: 0, groupIndex: 1, wavelengthNm: 1550 };
  return {
    lossDbPerKm: arm.fibreLossDb / arm.lengthKm,
    // Delay L·n/c gives back the spans' summed delay.
    groupIndex: Math.max(1, (arm.delayPs * C_KM_PER_PS) / arm.lengthKm),
    wavelengthNm: 1550,
  };
}

function stationParams(
  scenario: Scenario,
  link: EntanglementLink,
  node: ScenarioNode | undefined,
): HeraldingStationParams {
  const name = node?.station ?? link.station ?? DEFAULT_HARDWARE['heralding-station'];
  const station = resolveHardware(scenario, 'heralding-station', name);
  return {
    ...station,
    ...(link.detector === undefined
      ? {}
      : { detector: resolveHardware(scenario, 'detector', link.detector) }),
    ...(link.visibility === undefined ? {} : { visibility: link.visibility }),
  };
}

function sourceParams(scenario: Scenario, link: EntanglementLink, node: ScenarioNode | undefined) {
  const name = node?.source ?? link.source ?? DEFAULT_HARDWARE['pair-source'];
  const source = resolveHardware(scenario, 'pair-source', name);
  return link.meanPairs === undefined ? source : { ...source, meanPairsPerPulse: link.meanPairs };
}

/**
 * A link-layer error as a scenario error: the link layer names its own fields
 * (`repetitionRateHz`, `source.meanPairsPerPulse`, `ends[0].…`), the scenario file the link's.
 */
export function asScenarioError(e: unknown, at: FieldPath): unknown {
  if (!(e instanceof QnetError)) return e;
  const field = (e.where.path ?? []).slice(at.length)[0];
  const renamed: Readonly<Record<string, string>> = {
    repetitionRateHz: 'attemptRateHz',
    brightStatePopulation: 'alpha',
    source: 'meanPairs',
    cutoffUs: 'cutoffUs',
  };
  const path =
    typeof field === 'string' && Object.hasOwn(renamed, field) ? [...at, renamed[field]!] : [...at];
  return new QnetError(e.code, e.message, { path, ...(e.hint === undefined ? {} : { hint: e.hint }) });
}
