// Rules that span several fields and so cannot live in the per-field schema: names must be unique,
// references must name something that exists, and a workload's nodes must be connected. The quantum
// network's rules (hardware presets, entanglement links, requests, traffic) have their own files.
import { findHardwarePreset } from '../hardware/presets.js';
import { QnetError } from '../util/errors.js';
import { Context } from './check-context.js';
import { checkHardwarePresets, checkNodeHardware } from './hardware-checks.js';
import { valueAt } from './issues.js';
import { BUILTIN_PRESETS, isBuiltinPreset, type PresetKind, resolvePreset } from './presets.js';
import type { Problem } from './problems.js';
import { checkEntanglement, checkRequests, checkTraffic } from './quantum-checks.js';
import type { Scenario } from './schema.js';
import { listNames } from './suggest.js';
import type { DistributedWorkload, Workload } from './workloads.js';
import type { FieldPath } from './yaml-source.js';

/** Problems in a scenario that passed the schema; `input` is the data as written (before defaults). */
export function checkScenario(scenario: Scenario, input: unknown): Problem[] {
  const ctx = new Context(scenario);
  checkPresets(scenario, ctx);
  checkHardwarePresets(scenario, ctx);
  checkNodes(scenario, ctx);
  checkNodeHardware(scenario, ctx);
  checkLinks(scenario, input, ctx);
  for (const [i, w] of scenario.workloads.entries()) checkWorkload(w, ['workloads', i], ctx);
  checkEntanglement(scenario, input, ctx);
  checkRequests(scenario, input, ctx);
  checkTraffic(scenario, ctx);
  return ctx.problems;
}

function checkPresets(scenario: Scenario, ctx: Context): void {
  for (const name of Object.keys(scenario.presets)) {
    if (!isBuiltinPreset(name) && findHardwarePreset(name) === undefined) continue;
    ctx.add(
      'E_SCENARIO_PRESET',
      `preset '${name}' is built in and cannot be redefined`,
      ['presets', name],
      findHardwarePreset(name)
        ? `give your preset another name (e.g. '${name}-custom') with \`base: ${name}\` to start from the built-in`
        : `give your preset another name (e.g. '${name}-custom') and use that name in links; built-in presets: ${Object.keys(BUILTIN_PRESETS).join(', ')}`,
      true,
    );
  }
}

function checkNodes(scenario: Scenario, ctx: Context): void {
  const firstIndex = new Map<string, number>();
  scenario.nodes.forEach((node, i) => {
    const first = firstIndex.get(node.id);
    if (first === undefined) firstIndex.set(node.id, i);
    else {
      ctx.add(
        'E_SCENARIO_DUPLICATE',
        `duplicate node id '${node.id}'`,
        ['nodes', i, 'id'],
        `nodes[${first}] already has this id; node ids must be unique`,
      );
    }
    if (node.qubits !== undefined && node.kind !== 'qpu') {
      ctx.add(
        'E_SCENARIO_INVALID',
        `qubits is only allowed on qpu nodes, but node '${node.id}' is a ${node.kind}`,
        ['nodes', i, 'qubits'],
        'remove `qubits` or set `kind: qpu`',
      );
    }
  });
}

function checkLinks(scenario: Scenario, input: unknown, ctx: Context): void {
  const firstIndex = new Map<string, number>();
  scenario.links.forEach((link, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['links', i, ...rest];
    const [a, b] = link.ends;
    const okA = ctx.nodeRef(a, at('ends', 0), `the ends of link '${link.id}'`);
    const okB = ctx.nodeRef(b, at('ends', 1), `the ends of link '${link.id}'`);
    if (okA && okB && a === b) {
      ctx.add(
        'E_SCENARIO_INVALID',
        `link '${link.id}' joins node '${a}' to itself`,
        at('ends', 1),
        'a link must join two different nodes',
      );
    }

    const first = firstIndex.get(link.id);
    if (first === undefined) firstIndex.set(link.id, i);
    else {
      const explicit = valueAt(input, at('id')) !== undefined;
      ctx.add(
        'E_SCENARIO_DUPLICATE',
        `duplicate link id '${link.id}'${explicit ? '' : ' (derived from its ends)'}`,
        explicit ? at('id') : at('ends'),
        `links[${first}] already has this id; give ${explicit ? 'one of them another' : 'one of them an explicit'} \`id\``,
      );
    }

    presetRef(ctx, link.fibre, 'fibre', at('fibre'));
    presetRef(ctx, link.classical, 'classical', at('classical'));
  });
}

function presetRef(ctx: Context, name: string, kind: PresetKind, path: FieldPath): void {
  try {
    resolvePreset(ctx.scenario, name, kind);
  } catch (e) {
    if (!(e instanceof QnetError)) throw e;
    ctx.add(e.code, e.message, path, e.hint);
  }
}

function checkWorkload(workload: Workload, path: FieldPath, ctx: Context): void {
  switch (workload.kind) {
    case 'ping':
      checkEndpoints(workload.from, workload.to, path, ctx);
      return;
    case 'distributed':
      checkDistributed(workload, path, ctx);
      return;
    default: {
      const unknown: never = workload;
      throw new Error(`no checks written for workload ${JSON.stringify(unknown)}`);
    }
  }
}

/** Known QPU nodes, enough room for the circuit, and an entanglement link out of every QPU. */
function checkDistributed(w: DistributedWorkload, path: FieldPath, ctx: Context): void {
  const qpus = w.qpus ?? ctx.scenario.nodes.filter((n) => n.kind === 'qpu').map((n) => n.id);
  if (qpus.length === 0) {
    ctx.add('E_SCENARIO_INVALID', 'a distributed workload needs qpu nodes', path, 'add nodes of kind qpu');
    return;
  }
  let ok = true;
  qpus.forEach((id, i) => {
    if (!ctx.nodeRef(id, [...path, 'qpus', i], 'qpus')) ok = false;
    else if (ctx.node(id)!.kind !== 'qpu') {
      ctx.add(
        'E_SCENARIO_INVALID',
        `'${id}' is a ${ctx.node(id)!.kind}, not a qpu`,
        [...path, 'qpus', i],
        'list qpu nodes only',
      );
      ok = false;
    }
  });
  if (!ok) return;
  const perQpu = w.qubitsPerQpu ?? Math.ceil(w.qubits / qpus.length);
  if (perQpu * qpus.length < w.qubits)
    ctx.add(
      'E_COMPILE_CAPACITY',
      `${w.qubits} qubits do not fit on ${qpus.length} QPUs of ${perQpu} qubits`,
      [...path, 'qubitsPerQpu'],
      `raise qubitsPerQpu to at least ${Math.ceil(w.qubits / qpus.length)} or use more QPUs`,
    );
  for (const [i, id] of qpus.entries()) {
    const size = ctx.node(id)!.qubits;
    if (size !== undefined && size < perQpu)
      ctx.add(
        'E_COMPILE_CAPACITY',
        `QPU '${id}' has ${size} qubits but the workload puts ${perQpu} on each QPU`,
        [...path, 'qpus', i],
        'use bigger QPUs, more QPUs or a smaller circuit',
      );
  }
  if (qpus.length > 1) {
    const linked = new Set<string>();
    for (const l of ctx.scenario.entanglement)
      if (qpus.includes(l.ends[0]) && qpus.includes(l.ends[1])) {
        linked.add(l.ends[0]);
        linked.add(l.ends[1]);
      }
    const lonely = qpus.filter((id) => !linked.has(id));
    if (lonely.length > 0)
      ctx.add(
        'E_TOPOLOGY_DISCONNECTED',
        `QPU${lonely.length > 1 ? 's' : ''} ${lonely.join(', ')} ha${lonely.length > 1 ? 've' : 's'} no entanglement link to the workload's other QPUs`,
        [...path, 'qpus'],
        'add entanglement links between the QPUs of the workload',
      );
  }
}

/** Two distinct, known nodes with a chain of links between them. */
function checkEndpoints(from: string, to: string, path: FieldPath, ctx: Context): void {
  const okFrom = ctx.nodeRef(from, [...path, 'from'], 'from');
  const okTo = ctx.nodeRef(to, [...path, 'to'], 'to');
  if (!okFrom || !okTo) return;
  if (from === to) {
    ctx.add(
      'E_SCENARIO_INVALID',
      `from and to are the same node '${from}'`,
      [...path, 'to'],
      'pick two different nodes',
    );
    return;
  }
  const reach = ctx.reachableFrom(from);
  if (!reach.includes(to)) {
    ctx.add(
      'E_SCENARIO_NO_PATH',
      `no path from node '${from}' to node '${to}': no chain of links joins them`,
      [...path, 'to'],
      `add a link between the two groups; nodes reachable from '${from}': ${listNames(reach)}`,
    );
  }
}
