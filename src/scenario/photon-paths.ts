// Where a link's photons travel: over the scenario's fibres, through optical switches only (any
// other node would absorb or measure them), from each end to the heralding station. Each arm adds
// up its fibre lengths, losses and delays and lists the switches it crosses (the link layer counts
// their insertion loss).
import type { OpticalSwitchParams } from '../hardware/optical-switch.js';
import { hardwarePreset } from '../hardware/presets.js';
import { type GraphEdge, shortestPath } from '../netstack/shortest-path.js';
import { QnetError } from '../util/errors.js';
import { fibreDelayPs } from '../util/units.js';
import type { EntanglementLink } from './entanglement.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import { resolvePreset } from './presets.js';
import { DEFAULT_FIBRE_PRESET, type Scenario } from './schema.js';

export interface FibreSpan extends GraphEdge {
  readonly lengthKm: number;
  readonly lossDb: number;
  readonly delayPs: number;
}

/** One arm: from an end to the station. */
export interface Arm {
  readonly lengthKm: number;
  /** Fibre loss, dB. */
  readonly fibreLossDb: number;
  readonly delayPs: number;
  /** Switch nodes crossed. */
  readonly switches: readonly string[];
}

/** The station a link can use, and its two arms. */
export interface StationArms {
  /** A station node id, or undefined for the default station in the middle of the fibre path. */
  readonly station: string | undefined;
  readonly arms: readonly [Arm, Arm];
}

export type LinkPlacement =
  | { readonly kind: 'midpoint' | 'station'; readonly options: readonly [StationArms] }
  | { readonly kind: 'pool'; readonly switch: string; readonly options: readonly StationArms[] };

/** The fibres of a scenario with their loss and delay (fibre presets resolved). */
export function fibreSpans(scenario: Scenario): FibreSpan[] {
  return scenario.links.map((l) => {
    const fibre = fibreOf(scenario, l.fibre);
    return {
      id: l.id,
      a: l.ends[0],
      b: l.ends[1],
      lengthKm: l.lengthKm,
      lossDb: fibre.lossDbPerKm * l.lengthKm,
      delayPs: fibreDelayPs(l.lengthKm, fibre.groupIndex),
    };
  });
}

/** The fibre preset, or the default one when the name is unknown (the checks report it). */
function fibreOf(scenario: Scenario, name: string) {
  try {
    return resolvePreset(scenario, name, 'fibre');
  } catch (e) {
    if (!(e instanceof QnetError)) throw e;
    return resolvePreset(scenario, DEFAULT_FIBRE_PRESET, 'fibre');
  }
}

export class PhotonPaths {
  private readonly kindOf: Map<string, string>;
  private readonly byId: Map<string, FibreSpan>;

  constructor(
    private readonly scenario: Scenario,
    private readonly spans: readonly FibreSpan[] = fibreSpans(scenario),
  ) {
    this.kindOf = new Map(scenario.nodes.map((n) => [n.id, n.kind]));
    this.byId = new Map(spans.map((s) => [s.id, s]));
  }

  /** The shortest path of light from `from` to `to`, crossing only switches; undefined if none. */
  arm(from: string, to: string): Arm | undefined {
    const route = this.route(from, to);
    return route && this.measure(route.spans, route.nodes.slice(1, -1));
  }

  /** The spans and nodes of that path. */
  private route(from: string, to: string): { spans: FibreSpan[]; nodes: string[] } | undefined {
    const passable = (n: string) => n === from || n === to || this.kindOf.get(n) === 'switch';
    const nodes = this.scenario.nodes.map((n) => n.id).filter(passable);
    const edges = this.spans.filter((s) => passable(s.a) && passable(s.b));
    if (!nodes.includes(from) || !nodes.includes(to)) return undefined;
    const path = shortestPath(nodes, edges, from, to, (e) => this.byId.get(e.id)!.lengthKm);
    if (!path) return undefined;
    return { spans: path.edges.map((id) => this.byId.get(id)!), nodes: path.nodes };
  }

  private measure(spans: readonly FibreSpan[], switches: readonly string[], fraction = 1): Arm {
    return {
      lengthKm: fraction * spans.reduce((s, f) => s + f.lengthKm, 0),
      fibreLossDb: fraction * spans.reduce((s, f) => s + f.lossDb, 0),
      delayPs: Math.round(fraction * spans.reduce((s, f) => s + f.delayPs, 0)),
      switches,
    };
  }

  /** Station nodes joined to `switchId` by a fibre, in the order of the scenario's links. */
  stationsBehind(switchId: string): string[] {
    const out: string[] = [];
    for (const s of this.spans) {
      const other = s.a === switchId ? s.b : s.b === switchId ? s.a : undefined;
      if (other !== undefined && this.kindOf.get(other) === 'station' && !out.includes(other))
        out.push(other);
    }
    return out;
  }

  /**
   * Where `link` heralds: the default midpoint station, a `via` station, or each station behind a
   * `via` switch. Undefined when light cannot get there (the checks report why).
   */
  placement(link: EntanglementLink): LinkPlacement | undefined {
    const [a, b] = link.ends;
    if (link.via === undefined) {
      const route = this.route(a, b);
      if (!route) return undefined;
      // The station sits at the middle of the path: each arm has half of its fibre, and the switches
      // on its own side.
      const total = route.spans.reduce((s, f) => s + f.lengthKm, 0);
      const sides: [string[], string[]] = [[], []];
      let at = 0;
      route.spans.forEach((span, k) => {
        at += span.lengthKm;
        const node = route.nodes[k + 1]!;
        if (k < route.spans.length - 1) sides[at <= total / 2 ? 0 : 1].push(node);
      });
      const arms = [
        this.measure(route.spans, sides[0], 0.5),
        this.measure(route.spans, sides[1], 0.5),
      ] as const;
      return { kind: 'midpoint', options: [{ station: undefined, arms }] };
    }
    const kind = this.kindOf.get(link.via);
    if (kind === 'station') {
      const armA = this.arm(a, link.via);
      const armB = this.arm(b, link.via);
      if (!armA || !armB) return undefined;
      return { kind: 'station', options: [{ station: link.via, arms: [armA, armB] }] };
    }
    if (kind !== 'switch') return undefined;
    const toSwitch = [this.arm(a, link.via), this.arm(b, link.via)];
    if (!toSwitch[0] || !toSwitch[1]) return undefined;
    const options = this.stationsBehind(link.via).map((station): StationArms => {
      const span = this.directSpan(link.via!, station)!;
      const extend = (arm: Arm): Arm => ({
        lengthKm: arm.lengthKm + span.lengthKm,
        fibreLossDb: arm.fibreLossDb + span.lossDb,
        delayPs: arm.delayPs + span.delayPs,
        switches: [...arm.switches, link.via!],
      });
      return { station, arms: [extend(toSwitch[0]!), extend(toSwitch[1]!)] };
    });
    return options.length === 0 ? undefined : { kind: 'pool', switch: link.via, options };
  }

  /** The shortest fibre joining two nodes directly. */
  directSpan(a: string, b: string): FibreSpan | undefined {
    let best: FibreSpan | undefined;
    for (const s of this.spans) {
      const joins = (s.a === a && s.b === b) || (s.a === b && s.b === a);
      if (joins && (best === undefined || s.lengthKm < best.lengthKm)) best = s;
    }
    return best;
  }

  /** Fibres at a switch node, in the scenario's order: each is one port. */
  spansAt(node: string): FibreSpan[] {
    return this.spans.filter((s) => s.a === node || s.b === node);
  }

  /** The optical switch at a switch node. */
  switchParams(node: string): OpticalSwitchParams {
    const name = this.scenario.nodes.find((n) => n.id === node)?.switch ?? DEFAULT_HARDWARE['optical-switch'];
    try {
      return resolveHardware(this.scenario, 'optical-switch', name);
    } catch (e) {
      if (!(e instanceof QnetError)) throw e;
      // An unknown preset is reported by the checks; measure with the default meanwhile.
      return hardwarePreset('optical-switch', DEFAULT_HARDWARE['optical-switch']).params;
    }
  }
}
