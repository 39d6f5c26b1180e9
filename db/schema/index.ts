export * from './platform.js';
export * from './audit.js';
export * from './notifications.js';
export * from './histories.js';
