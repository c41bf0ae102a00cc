export type * from './ir.js';
export { type CircuitFormat, detectCircuitFormat, parseCircuit } from './parse-circuit.js';
export { formatAngle, parseQasm, parseQasm2, parseQasm3, printQasm2, printQasm3 } from './qasm.js';
export { parseStim } from './stim-parse.js';
export { printStim } from './stim-print.js';
export {
  countDetectors,
  countFlattened,
  countMeasurements,
  countObservables,
  flattenRepeats,
} from './stim-repeat.js';
