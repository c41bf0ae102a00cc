export { type BuiltLink, type BuiltNetwork, buildNetwork } from './build-network.js';
export { type EntanglementLink, EntanglementLinkSchema, PROTOCOLS } from './entanglement.js';
export type { EntanglementLinkResult } from './entanglement-results.js';
export { adjacency, reachable } from './graph.js';
export {
  DEFAULT_HARDWARE,
  HARDWARE_PRESET_SCHEMAS,
  type ScenarioHardwareKind,
} from './hardware-presets.js';
export { hardwareNames, resolveHardware } from './hardware-resolve.js';
export { ID_PATTERN } from './ids.js';
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from './json-schema.js';
export { parseScenario, validateScenario } from './load.js';
export {
  BUILTIN_PRESET_NOTES,
  BUILTIN_PRESETS,
  type BuiltinPresetName,
  type ClassicalPreset,
  ClassicalPresetSchema,
  type FibrePreset,
  FibrePresetSchema,
  type HasPresets,
  isBuiltinPreset,
  type Preset,
  type PresetKind,
  PresetSchema,
  presetNames,
  resolvePreset,
} from './presets.js';
export { type Problem, ScenarioError } from './problems.js';
export {
  POLICIES,
  RequestSchema,
  ROUTINGS,
  type ScenarioRequest,
  SchedulerSchema,
  type SchedulerSettings,
} from './requests.js';
export {
  type PoolResult,
  type RequestResult,
  type RequestTotals,
  runScenario,
  type ScenarioResult,
} from './run-scenario.js';
export {
  DEFAULT_CLASSICAL_PRESET,
  DEFAULT_FIBRE_PRESET,
  DEFAULT_UNTIL_US,
  LinkSchema,
  MAX_UNTIL_US,
  NODE_KINDS,
  type NodeKind,
  NodeSchema,
  RunSchema,
  type RunSettings,
  type Scenario,
  type ScenarioInput,
  type ScenarioLink,
  type ScenarioNode,
  ScenarioSchema,
} from './schema.js';
export { type GeneratedRequest, generateTraffic, type Traffic, TrafficSchema } from './traffic.js';
export {
  type PingWorkload,
  PingWorkloadSchema,
  type Workload,
  type WorkloadKind,
  WorkloadSchema,
} from './workloads.js';
