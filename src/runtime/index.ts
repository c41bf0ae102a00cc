export {
  DEFAULT_MAX_ENGINE_QUBITS,
  type ExecuteOptions,
  type ExecutionResult,
  executeProgram,
  type RuntimeEngine,
  type TimingMetrics,
  timingMetrics,
} from './execute.js';
export { type LoweredProgram, lowerProgram } from './lower.js';
export { idleChannel, pairNoise } from './memory-noise.js';
export {
  idealNetwork,
  type PresetNetworkOptions,
  presetNetwork,
  type RuntimeLink,
  type RuntimeNetwork,
  type RuntimeQpu,
  runtimeQpu,
} from './network.js';
export { simulateTiming, type Timeline } from './timing.js';
