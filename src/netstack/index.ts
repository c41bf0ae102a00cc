export * from './classical-network.js';
export * from './link.js';
export * from './network-layer.js';
export * from './ping.js';
export type * from './protocol.js';
export * from './shortest-path.js';
