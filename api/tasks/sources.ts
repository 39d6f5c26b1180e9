import { calendarTasks } from './calendar.js';
import { complaintTasks } from './complaints.js';
import { improvementTasks } from './improvements.js';
import { feedbackTasks } from './feedback.js';
import { erasureTasks } from './erasures.js';
import { followUpTasks } from './followups.js';
import { incidentTasks } from './incidents.js';
import { initiativeTasks } from './initiatives.js';
import { meetingTasks } from './meetings.js';
import { targetTasks } from './targets.js';
import type { TaskSource } from './types.js';

/** Every contributor to the work inbox. Gate and complaint modules add theirs here. */
export const taskSources: TaskSource[] = [initiativeTasks, complaintTasks, calendarTasks, targetTasks, incidentTasks, improvementTasks, meetingTasks, erasureTasks, followUpTasks, feedbackTasks];
