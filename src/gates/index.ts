// The gate table: one entry per gate with its matrix, Clifford action, definition and names in
// OpenQASM 2, OpenQASM 3 and Stim. Conventions (matrix index order, Pauli bit order) are stated in
// types.ts.
export { applyMatrix } from './apply-matrix.js';
export { cliffordAction, cliffordFromMatrix, isClifford } from './clifford.js';
export { composeSteps, type GateStep } from './compose.js';
export { decompose, expandDefinition } from './decompose.js';
export { GATES, gate, gateByQasm2, gateByQasm3, gateByStim, gateNames, gateOrThrow } from './lookup.js';
export { controlledOf, inverseOf, powerOf } from './modifiers.js';
export { formatPauli, parsePauli, pauliMatrix } from './pauli.js';
export type {
  CliffordAction,
  DefinitionStep,
  GateAliases,
  GateCall,
  GateEntry,
  PauliImage,
} from './types.js';
