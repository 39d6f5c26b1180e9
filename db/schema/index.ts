export * from './platform.js';
export * from './audit.js';
