// Checks of the devices a scenario names: every device preset the file defines must make a valid
// device (the device model's validator decides, naming the field), and every node may name only the
// devices of its kind, by a preset of the right kind.
import { QnetError } from '../util/errors.js';
import type { Context } from './check-context.js';
import { isScenarioHardwareKind, type ScenarioHardwareKind } from './hardware-presets.js';
import { resolveHardware } from './hardware-resolve.js';
import type { NodeKind, Scenario } from './schema.js';

/** The device fields of a node, the node kind that may have each and the preset kind it names. */
export const NODE_DEVICE_FIELDS = {
  qpu: { on: 'qpu', kind: 'qpu' },
  transducer: { on: 'qpu', kind: 'transducer' },
  station: { on: 'station', kind: 'heralding-station' },
  source: { on: 'station', kind: 'pair-source' },
  switch: { on: 'switch', kind: 'optical-switch' },
} as const satisfies Record<string, { on: NodeKind; kind: ScenarioHardwareKind }>;

export function checkHardwarePresets(scenario: Scenario, ctx: Context): void {
  for (const [name, preset] of Object.entries(scenario.presets)) {
    if (!isScenarioHardwareKind(preset.kind)) continue;
    try {
      resolveHardware(scenario, preset.kind, name);
    } catch (e) {
      ctx.addError(e, ['presets', name]);
    }
  }
}

export function checkNodeHardware(scenario: Scenario, ctx: Context): void {
  scenario.nodes.forEach((node, i) => {
    for (const [field, { on, kind }] of Object.entries(NODE_DEVICE_FIELDS)) {
      const name = node[field as keyof typeof NODE_DEVICE_FIELDS];
      if (name === undefined) continue;
      if (node.kind !== on) {
        wrongKind(ctx, field, on, node.id, node.kind, ['nodes', i, field]);
        continue;
      }
      hardwareRef(ctx, kind, name, ['nodes', i, field]);
    }
    if (node.communicationQubits !== undefined && node.kind !== 'qpu') {
      wrongKind(ctx, 'communicationQubits', 'qpu', node.id, node.kind, ['nodes', i, 'communicationQubits']);
    }
  });
}

/** Reports at `path` unless `name` is a usable preset of `kind`. */
export function hardwareRef(
  ctx: Context,
  kind: ScenarioHardwareKind,
  name: string,
  path: readonly (string | number)[],
): boolean {
  try {
    resolveHardware(ctx.scenario, kind, name);
    return true;
  } catch (e) {
    if (!(e instanceof QnetError)) throw e;
    // A file preset's own mistake is reported at that preset; the reference just fails.
    if (e.where.path === undefined) ctx.add(e.code, e.message, path, e.hint);
    return false;
  }
}

function wrongKind(
  ctx: Context,
  field: string,
  on: NodeKind,
  id: string,
  kind: NodeKind,
  path: readonly (string | number)[],
): void {
  ctx.add(
    'E_SCENARIO_INVALID',
    `${field} is only allowed on ${on} nodes, but node '${id}' is a ${kind}`,
    path,
    `remove \`${field}\` or set \`kind: ${on}\``,
  );
}
