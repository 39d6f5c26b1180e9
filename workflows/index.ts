// Every workflow type the worker hosts. Workflow code imports only @temporalio/workflow, pure
// modules from domain/ (never domain/calendar.ts) and activity *types*.
export { initiativeWorkflow } from './initiative/index.js';
export { complaintWorkflow } from './complaint/index.js';
export { reportWorkflow } from './report.js';
export { calendarChangeWorkflow } from './calendar/index.js';
export { targetProposalWorkflow } from './targets/index.js';
export { incidentWorkflow } from './incident/index.js';
export { incidentWatchWorkflow } from './incident/watch.js';
export { backupWorkflow } from './backup.js';
export { improvementWorkflow } from './improvement/index.js';
export { erasureWorkflow } from './erasure/index.js';
export { erasureSweepWorkflow } from './erasure/sweep.js';
export { meetingWorkflow } from './meeting/index.js';
export { monthlyMeetingWorkflow } from './meeting/schedule.js';
export { productNpsCampaignWorkflow, npsScheduleSyncWorkflow } from './nps/campaign.js';
export { followUpWorkflow } from './followup/index.js';
export { feedbackWorkflow } from './feedback/index.js';
