// Checks of the quantum network a scenario describes: entanglement links must join two QPUs whose
// light can reach a station; requests and traffic must name QPUs that a chain of entanglement links
// joins. Each problem names the field and, for a missing route, both nodes.
import { resolveLinkModel } from '../netstack/link-params.js';
import { QnetError } from '../util/errors.js';
import type { Context } from './check-context.js';
import type { EntanglementLink } from './entanglement.js';
import { asScenarioError, placeLink } from './entanglement-params.js';
import { adjacency, reachable } from './graph.js';
import { hardwareRef } from './hardware-checks.js';
import { DEFAULT_HARDWARE } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import { valueAt } from './issues.js';
import { PhotonPaths } from './photon-paths.js';
import { DEFAULT_COMMUNICATION_QUBITS, type Scenario } from './schema.js';
import { listNames } from './suggest.js';
import type { FieldPath } from './yaml-source.js';

export function checkEntanglement(scenario: Scenario, input: unknown, ctx: Context): void {
  const paths = new PhotonPaths(scenario);
  const firstIndex = new Map<string, number>();
  const dedicated = new Map<string, number>();
  const overbooked = new Set<string>();
  const poolsChecked = new Set<string>();
  scenario.entanglement.forEach((link, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['entanglement', i, ...rest];
    const [a, b] = link.ends;
    const role = `the ends of entanglement link '${link.id}'`;
    const ok = [ctx.qpuRef(a, at('ends', 0), role), ctx.qpuRef(b, at('ends', 1), role)];
    duplicate(ctx, firstIndex, link.id, i, input, at);
    checkLinkPresets(ctx, link, at);
    if (!ok[0] || !ok[1]) return;
    if (a === b) {
      ctx.add(
        'E_SCENARIO_INVALID',
        `entanglement link '${link.id}' joins '${a}' to itself`,
        at('ends', 1),
        'join two different QPUs',
      );
      return;
    }
    if (!checkVia(ctx, link, at)) return;
    const placement = paths.placement(link);
    if (!placement) {
      reportNoLight(ctx, paths, link, at);
      return;
    }
    for (const end of link.ends) {
      const qubits = ctx.node(end)!.communicationQubits ?? DEFAULT_COMMUNICATION_QUBITS;
      if (link.multiplexing > qubits) {
        ctx.add(
          'E_SCENARIO_INVALID',
          `multiplexing ${link.multiplexing} of entanglement link '${link.id}' exceeds the ${qubits} communication qubits of '${end}'`,
          at('multiplexing'),
          `lower multiplexing or raise communicationQubits of node '${end}'`,
        );
        return;
      }
      // A switched link holds its qubits only while it has a station; dedicated links hold theirs.
      if (placement.kind !== 'pool') {
        const used = (dedicated.get(end) ?? 0) + link.multiplexing;
        dedicated.set(end, used);
        if (used > qubits && !overbooked.has(end)) {
          overbooked.add(end);
          ctx.add(
            'E_SCENARIO_INVALID',
            `the dedicated entanglement links of '${end}' need ${used} communication qubits, but it has ${qubits}`,
            at('multiplexing'),
            `raise communicationQubits of node '${end}' or lower the links' multiplexing`,
          );
        }
      }
    }
    if (placement.kind === 'pool' && !poolsChecked.has(link.via!)) {
      poolsChecked.add(link.via!);
      checkPorts(ctx, paths, link.via!, at('via'));
    }
    checkLinkModel(ctx, scenario, paths, link, at());
  });
}

/** What the link layer itself refuses (a cutoff shorter than the heralds, a rate above the devices'). */
function checkLinkModel(
  ctx: Context,
  scenario: Scenario,
  paths: PhotonPaths,
  link: EntanglementLink,
  at: FieldPath,
): void {
  let placed: ReturnType<typeof placeLink>;
  try {
    placed = placeLink(scenario, paths, link);
  } catch (e) {
    // A preset that does not resolve: reported where it is named.
    if (e instanceof QnetError) return;
    throw e;
  }
  if (!placed) return;
  for (const option of placed.options) {
    try {
      resolveLinkModel(option.params, at);
    } catch (e) {
      ctx.addError(asScenarioError(e, at), at);
      return;
    }
  }
}

function checkLinkPresets(
  ctx: Context,
  link: EntanglementLink,
  at: (...rest: (string | number)[]) => FieldPath,
): void {
  if (link.transducer !== undefined) hardwareRef(ctx, 'transducer', link.transducer, at('transducer'));
  if (link.detector !== undefined) hardwareRef(ctx, 'detector', link.detector, at('detector'));
  if (link.memory !== undefined) hardwareRef(ctx, 'qpu', link.memory, at('memory'));
  if (link.station !== undefined) hardwareRef(ctx, 'heralding-station', link.station, at('station'));
  if (link.source !== undefined) hardwareRef(ctx, 'pair-source', link.source, at('source'));
  for (const field of ['station', 'source'] as const) {
    if (link[field] !== undefined && link.via !== undefined) {
      ctx.add(
        'E_SCENARIO_INVALID',
        `${field} sets the default midpoint station, but entanglement link '${link.id}' heralds at '${link.via}'`,
        at(field),
        `set \`${field}\` on node '${link.via}' (or its stations) instead`,
      );
    }
  }
}

/** `via` must name a station or a switch; true when the link can be placed. */
function checkVia(
  ctx: Context,
  link: EntanglementLink,
  at: (...rest: (string | number)[]) => FieldPath,
): boolean {
  if (link.via === undefined) return true;
  if (!ctx.nodeRef(link.via, at('via'), `via of entanglement link '${link.id}'`)) return false;
  const kind = ctx.node(link.via)!.kind;
  if (kind === 'station' || kind === 'switch') return true;
  ctx.add(
    'E_SCENARIO_INVALID',
    `via of entanglement link '${link.id}' is node '${link.via}', a ${kind}: light heralds at a station`,
    at('via'),
    'name a station node, or a switch node in front of station nodes',
  );
  return false;
}

function reportNoLight(
  ctx: Context,
  paths: PhotonPaths,
  link: EntanglementLink,
  at: (...rest: (string | number)[]) => FieldPath,
): void {
  const [a, b] = link.ends;
  if (link.via === undefined) {
    ctx.add(
      'E_SCENARIO_NO_PATH',
      `no fibre path between '${a}' and '${b}' for entanglement link '${link.id}'`,
      at('ends'),
      'add fibre links (under `links`) joining the two ends, through switches only, or give `via: <station>`',
    );
    return;
  }
  const kind = ctx.node(link.via)!.kind;
  if (kind === 'switch' && paths.stationsBehind(link.via).length === 0) {
    ctx.add(
      'E_SCENARIO_NO_PATH',
      `switch '${link.via}' has no station behind it for entanglement link '${link.id}'`,
      at('via'),
      `join station nodes to '${link.via}' with fibre links`,
    );
    return;
  }
  const stranded = link.ends.find((end) => !paths.arm(end, link.via!));
  ctx.add(
    'E_SCENARIO_NO_PATH',
    `no fibre path from '${stranded}' to '${link.via}' for entanglement link '${link.id}'`,
    at('via'),
    'light crosses only switches: join the QPU to it with fibre links through switch nodes',
  );
}

/** A switch fronting a station pool needs one input per fibre in and two outputs per station. */
function checkPorts(ctx: Context, paths: PhotonPaths, switchId: string, at: FieldPath): void {
  const node = ctx.node(switchId)!;
  let ports: number;
  try {
    ports = resolveHardware(
      ctx.scenario,
      'optical-switch',
      node.switch ?? DEFAULT_HARDWARE['optical-switch'],
    ).ports;
  } catch (e) {
    // An unknown switch preset: reported at the node.
    if (e instanceof QnetError) return;
    throw e;
  }
  const stations = paths.stationsBehind(switchId);
  const inputs = paths
    .spansAt(switchId)
    .filter((s) => !stations.includes(s.a === switchId ? s.b : s.a)).length;
  const outputs = 2 * stations.length;
  if (inputs > ports || outputs > ports) {
    ctx.add(
      'E_SCENARIO_INVALID',
      `switch '${switchId}' has ${ports} ports but needs ${inputs} inputs (fibres in) and ${outputs} outputs (two per station)`,
      at,
      `give node '${switchId}' a switch preset with more ports`,
    );
  }
}

export function checkRequests(scenario: Scenario, input: unknown, ctx: Context): void {
  const quantum = adjacency(scenario.nodes, scenario.entanglement);
  const firstIndex = new Map<string, number>();
  scenario.requests.forEach((r, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['requests', i, ...rest];
    duplicate(ctx, firstIndex, r.id ?? `req-${i}`, i, input, at, 'request');
    if ((r.pairs === undefined) === (r.rateHz === undefined)) {
      ctx.add(
        'E_SCENARIO_INVALID',
        r.pairs === undefined ? 'a request needs `pairs` or `rateHz`' : 'give `pairs` or `rateHz`, not both',
        r.pairs === undefined ? at() : at('rateHz'),
        '`pairs` asks for a number of pairs, `rateHz` for a stream',
      );
    }
    const okSrc = ctx.qpuRef(r.src, at('src'), 'src');
    const okDst = ctx.qpuRef(r.dst, at('dst'), 'dst');
    if (!okSrc || !okDst) return;
    if (r.src === r.dst) {
      ctx.add(
        'E_SCENARIO_INVALID',
        `src and dst are the same node '${r.src}'`,
        at('dst'),
        'pick two different QPUs',
      );
      return;
    }
    routeCheck(ctx, quantum, r.src, r.dst, at('dst'));
  });
}

export function checkTraffic(scenario: Scenario, ctx: Context): void {
  const quantum = adjacency(scenario.nodes, scenario.entanglement);
  const ids = new Map<string, number>();
  scenario.traffic.forEach((t, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['traffic', i, ...rest];
    const id = t.id ?? `traffic-${i}`;
    const first = ids.get(id);
    if (first !== undefined) {
      ctx.add(
        'E_SCENARIO_DUPLICATE',
        `duplicate traffic id '${id}'`,
        at('id'),
        `traffic[${first}] already has this id`,
      );
    } else ids.set(id, i);
    for (const field of ['pairs', 'minFidelity', 'deadlineUs', 'priority'] as const) {
      const range = t[field];
      if (range !== undefined && range[0] > range[1]) {
        ctx.add(
          'E_SCENARIO_INVALID',
          `${field} range [${range[0]}, ${range[1]}] has its minimum above its maximum`,
          at(field),
          'write [min, max] with min <= max',
        );
      }
    }
    const nodes = t.nodes ?? scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
    const ok = t.nodes ? t.nodes.every((n, k) => ctx.qpuRef(n, at('nodes', k), `traffic '${id}'`)) : true;
    if (!ok) return;
    if (new Set(nodes).size < 2) {
      ctx.add(
        'E_SCENARIO_INVALID',
        `traffic '${id}' needs at least two different QPUs, got ${listNames(nodes)}`,
        t.nodes ? at('nodes') : at(),
        'list two or more QPU nodes under `nodes`',
      );
      return;
    }
    const [first0, ...rest] = nodes;
    const reach = reachable(quantum, first0!);
    const lost = rest.find((n) => !reach.includes(n));
    if (lost !== undefined) {
      ctx.add(
        'E_SCENARIO_NO_PATH',
        `no quantum route between '${first0}' and '${lost}': traffic '${id}' may pick both, but no chain of entanglement links joins them`,
        t.nodes ? at('nodes') : at(),
        'add entanglement links joining them, or leave one out of `nodes`',
      );
    }
  });
}

function routeCheck(
  ctx: Context,
  quantum: ReturnType<typeof adjacency>,
  src: string,
  dst: string,
  path: FieldPath,
): void {
  const reach = reachable(quantum, src);
  if (reach.includes(dst)) return;
  ctx.add(
    'E_SCENARIO_NO_PATH',
    `no quantum route between '${src}' and '${dst}': no chain of entanglement links joins them`,
    path,
    `add entanglement links between the two groups; QPUs linked to '${src}': ${listNames(reach)}`,
  );
}

function duplicate(
  ctx: Context,
  firstIndex: Map<string, number>,
  id: string,
  i: number,
  input: unknown,
  at: (...rest: (string | number)[]) => FieldPath,
  what = 'entanglement link',
): void {
  const first = firstIndex.get(id);
  if (first === undefined) {
    firstIndex.set(id, i);
    return;
  }
  const explicit = valueAt(input, at('id')) !== undefined;
  const list = what === 'request' ? 'requests' : 'entanglement';
  ctx.add(
    'E_SCENARIO_DUPLICATE',
    `duplicate ${what} id '${id}'${explicit ? '' : ' (the default)'}`,
    explicit ? at('id') : at(),
    `${list}[${first}] already has this id; give ${explicit ? 'one of them another' : 'one of them an explicit'} \`id\``,
  );
}
