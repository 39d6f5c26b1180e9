// Every workflow type the worker hosts. Workflow code imports only @temporalio/workflow, pure
// modules from domain/ (never domain/calendar.ts) and activity *types*.
export { initiativeWorkflow } from './initiative.js';
export { complaintWorkflow } from './complaint.js';
export { reportWorkflow } from './report.js';
