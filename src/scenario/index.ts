export { adjacency, reachable } from './graph.js';
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
export {
  type PingWorkload,
  PingWorkloadSchema,
  type Workload,
  type WorkloadKind,
  WorkloadSchema,
} from './workloads.js';
