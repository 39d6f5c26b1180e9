export * from './platform.js';
export * from './audit.js';
export * from './notifications.js';
export * from './initiatives.js';
export * from './complaints.js';
export * from './histories.js';
export * from './reports.js';
export * from './calendar.js';
