// Builds the quantum network a scenario describes: the link layer's EntanglementLink for each link
// (one per station of a switched pool), the station pools behind switches, the QPUs' memories and
// swap noise, the requests (written and generated) and the network simulation that serves them.
import type { Simulation } from '../kernel/simulation.js';
import { EntanglementLink } from '../netstack/link-layer.js';
import { storedPairState } from '../netstack/link-pair.js';
import type { LinkModel } from '../netstack/link-params.js';
import { localNoiseFromQpu } from '../netstack/local-noise.js';
import {
  type NetworkLinkSpec,
  type NetworkNodeSpec,
  type NetworkRequest,
  NetworkSim,
} from '../netstack/network-sim.js';
import { shortestPath } from '../netstack/shortest-path.js';
import type { StationPoolParams } from '../netstack/station-pool.js';
import { usToPs } from '../util/units.js';
import type { EntanglementLink as LinkSpec } from './entanglement.js';
import { type PlacedLink, placeLink } from './entanglement-params.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import { fibreSpans, PhotonPaths } from './photon-paths.js';
import { resolvePreset } from './presets.js';
import type { Scenario } from './schema.js';
import { generateTraffic } from './traffic.js';

export interface BuiltLink {
  readonly spec: LinkSpec;
  readonly placed: PlacedLink;
  /** One link-layer link per station the link can use. */
  readonly links: readonly EntanglementLink[];
  /** What routing and admission expect of it. */
  readonly expected: { rateHz: number; fidelity: number };
}

export interface BuiltNetwork {
  readonly network: NetworkSim;
  readonly links: readonly BuiltLink[];
  /** Requests arriving after the run's end, never submitted. */
  readonly notSubmitted: number;
}

export function buildNetwork(sim: Simulation, scenario: Scenario): BuiltNetwork {
  const paths = new PhotonPaths(scenario);
  const links = scenario.entanglement.map((spec, i): BuiltLink => {
    // The checks guarantee a placement.
    const placed = placeLink(scenario, paths, spec)!;
    const built = placed.options.map((o) => new EntanglementLink(sim, o.params, ['entanglement', i]));
    const model = built[0]!.model;
    return {
      spec,
      placed,
      links: built,
      expected: { rateHz: model.maxRateHz, fidelity: heraldFidelity(model) },
    };
  });
  const requests = scenarioRequests(scenario, sim);
  const untilPs = usToPs(scenario.run.untilUs);
  const submitted = requests.filter((r) => r.submitPs <= untilPs);
  const network = new NetworkSim(sim, {
    nodes: nodeSpecs(scenario),
    links: links.map((l) => linkSpec(l)),
    pools: pools(paths, links),
    requests: submitted,
    policy: scenario.scheduler.policy,
    routing: scenario.scheduler.routing,
    classicalDelayPs: classicalDelays(scenario),
  });
  return { network, links, notSubmitted: requests.length - submitted.length };
}

/** Fidelity of a pair when both ends know it: the heralded state after its qubits' wait for the herald. */
export function heraldFidelity(model: LinkModel): number {
  const heralded = Math.max(...model.readyOffsetPs);
  const [oa, ob] = model.storedOffsetPs;
  return storedPairState(
    model.outcome.state,
    heralded - oa,
    model.memories[0],
    heralded - ob,
    model.memories[1],
  )[0];
}

function linkSpec(l: BuiltLink): NetworkLinkSpec {
  const model = l.links[0]!.model;
  const [armA, armB] = l.placed.options[0]!.arms;
  return {
    id: l.spec.id,
    a: l.spec.ends[0],
    b: l.spec.ends[1],
    slots: model.slots,
    rateHz: l.expected.rateHz,
    fidelity: l.expected.fidelity,
    lengthKm: armA.lengthKm + armB.lengthKm,
    delayPs: Math.max(...model.readyOffsetPs),
    ...(Number.isFinite(model.cutoffPs) ? { cutoffPs: model.cutoffPs } : {}),
    supplies: l.links,
    ...(l.placed.placement.kind === 'pool' ? { pool: l.placed.placement.switch } : {}),
  };
}

function nodeSpecs(scenario: Scenario): NetworkNodeSpec[] {
  return scenario.nodes
    .filter((n) => n.kind === 'qpu')
    .map((n) => {
      const qpu = resolveHardware(scenario, 'qpu', n.qpu ?? DEFAULT_HARDWARE.qpu);
      return { id: n.id, memory: { t1Us: qpu.t1Us, t2Us: qpu.t2Us }, noise: localNoiseFromQpu(qpu) };
    });
}

/** A pool for every switch some link names as `via`: its stations' arms on outputs 2k, 2k + 1. */
function pools(paths: PhotonPaths, links: readonly BuiltLink[]): StationPoolParams[] {
  const out = new Map<string, StationPoolParams>();
  for (const l of links) {
    const placement = l.placed.placement;
    if (placement.kind !== 'pool' || out.has(placement.switch)) continue;
    const id = placement.switch;
    const stations = paths.stationsBehind(id);
    const inputOf = new Map<string, number>();
    for (const span of paths.spansAt(id)) {
      const other = span.a === id ? span.b : span.a;
      if (!stations.includes(other) && !inputOf.has(other)) inputOf.set(other, inputOf.size);
    }
    // QPUs further away reach the switch through another switch's fibre; give them ports of their own.
    for (const q of links.flatMap((x) => (x.placed.placement.kind === 'pool' ? x.spec.ends : []))) {
      if (!inputOf.has(q)) inputOf.set(q, inputOf.size);
    }
    out.set(id, {
      id,
      switch: paths.switchParams(id),
      stations: stations.map((s, k) => ({ id: s, outputs: [2 * k, 2 * k + 1] as const })),
      inputOf,
    });
  }
  return [...out.values()];
}

/** The scenario's requests and its traffic generators' ones, in the network's form. */
export function scenarioRequests(scenario: Scenario, sim: Simulation): NetworkRequest[] {
  const qpus = scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
  const written = scenario.requests.map(
    (r, i): NetworkRequest => ({
      id: r.id ?? `req-${i}`,
      src: r.src,
      dst: r.dst,
      minFidelity: r.minFidelity,
      ...(r.pairs === undefined ? {} : { pairs: r.pairs }),
      ...(r.rateHz === undefined ? {} : { rateHz: r.rateHz }),
      ...(r.deadlineUs === undefined ? {} : { deadlinePs: Math.max(1, usToPs(r.deadlineUs)) }),
      ...(r.priority === undefined ? {} : { priority: r.priority }),
      submitPs: usToPs(r.startUs),
    }),
  );
  const generated = scenario.traffic.flatMap((t, i) =>
    generateTraffic(t, t.id ?? `traffic-${i}`, t.nodes ?? qpus, sim.rng).map(
      (r): NetworkRequest => ({
        id: r.id,
        src: r.src,
        dst: r.dst,
        minFidelity: r.minFidelity,
        pairs: r.pairs,
        ...(r.deadlineUs === undefined ? {} : { deadlinePs: Math.max(1, usToPs(r.deadlineUs)) }),
        ...(r.priority === undefined ? {} : { priority: r.priority }),
        submitPs: usToPs(r.startUs),
      }),
    ),
  );
  return [...written, ...generated];
}

/** One-way classical delay between two nodes over the fibres: propagation plus processing per hop. */
function classicalDelays(scenario: Scenario): (a: string, b: string) => number {
  const spans = fibreSpans(scenario);
  const processing = new Map(
    scenario.links.map((l) => [l.id, resolvePreset(scenario, l.classical, 'classical').processingDelayPs]),
  );
  const cost = new Map(spans.map((s) => [s.id, s.delayPs + (processing.get(s.id) ?? 0)]));
  const nodes = scenario.nodes.map((n) => n.id);
  const memo = new Map<string, number>();
  return (a, b) => {
    if (a === b) return 0;
    const key = a < b ? `${a}>${b}` : `${b}>${a}`;
    let d = memo.get(key);
    if (d === undefined) {
      d = shortestPath(nodes, spans, a, b, (e) => cost.get(e.id)!)?.cost ?? 0;
      memo.set(key, d);
    }
    return d;
  };
}
