export * from './complex-matrix.js';
export * from './errors.js';
export * from './hermitian-eigen.js';
export * from './near-names.js';
export * from './rng.js';
export * from './special-functions.js';
export * from './stats.js';
export * from './units.js';
