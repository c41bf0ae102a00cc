export * from './run-summary.js';
export * from './table.js';
