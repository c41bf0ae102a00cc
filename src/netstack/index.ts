export * from './classical-network.js';
export * from './elementary-link.js';
export * from './heralded-attempt.js';
export * from './network-layer.js';
export * from './ping.js';
export type * from './protocol.js';
export * from './shortest-path.js';
