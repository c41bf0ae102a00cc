export * from './channel.js';
export * from './event-queue.js';
export * from './fifo.js';
export * from './mailbox.js';
export * from './process.js';
export * from './simulation.js';
export * from './trace.js';
