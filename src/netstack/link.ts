// The link layer: heralded entanglement between two nodes through a station or from a midpoint
// source — per-attempt physics, visibility from the clocks, parameters, the sans-IO endpoint and the
// kernel-driven link.
export * from './link-endpoint.js';
export * from './link-layer.js';
export * from './link-pair.js';
export * from './link-params.js';
export * from './link-physics.js';
export * from './link-visibility.js';
