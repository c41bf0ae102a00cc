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
import type { Workload } from './workloads.js';
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
    default: {
      const unknownKind: never = workload.kind;
      throw new Error(`no checks written for workload kind ${String(unknownKind)}`);
    }
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
