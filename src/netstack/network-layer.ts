// The network layer: what turns link-level pairs into end-to-end pairs for requests (swapping,
// purification, repeater chains, routing, admission and scheduling).
export * from './held-pair.js';
export * from './local-noise.js';
export * from './network-sim.js';
export type * from './pair-supply.js';
export * from './path-assembly.js';
export * from './pumping.js';
export * from './purify.js';
export * from './repeater-chain.js';
export type * from './request-result.js';
export * from './request-session.js';
export * from './requests.js';
export * from './routing.js';
export * from './scheduler.js';
export * from './station-pool.js';
export * from './swap.js';
