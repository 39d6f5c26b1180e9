import type { Database } from '../db/client.js';
import type { Logger } from '../config/logger.js';
import { calendarActivities } from './calendar.js';
import { complaintActivities } from './complaints.js';
import { deadlineActivities } from './deadlines.js';
import { improvementActivities } from './improvements.js';
import { followUpActivities } from './followups.js';
import { feedbackActivities } from './feedback.js';
import { erasureActivities, type ErasureActivityDeps } from './erasures.js';
import { incidentActivities } from './incidents.js';
import { initiativeActivities } from './initiatives.js';
import { meetingActivities, type ProcessChannel } from './meetings.js';
import { npsCampaignActivities, type NpsScheduler } from './nps-campaigns.js';
import type { NpsCampaignPolicy } from '../domain/surveys/campaigns.js';
import { reportActivities } from './reports.js';
import { targetActivities } from './targets.js';

/** What activities need from the outside world; built once per worker process. */
export interface ActivityDeps extends ErasureActivityDeps {
  db: Database;
  logger: Logger;
  /** For activities that send a signed command to another process (a meeting deciding a target proposal). */
  channel?: ProcessChannel;
  /** SURVEY_LINK_VALID_DAYS (docs/surveys.md): the survey invitations closing complaints issue. */
  surveyLinkValidDays?: number;
  /** Product NPS campaigns: their policy, and the schedules' keeper (a worker with a Temporal client). */
  npsCampaignPolicy?: NpsCampaignPolicy;
  npsScheduler?: NpsScheduler;
}

/** Every activity the worker registers. Workflows import only the *type*. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...deadlineActivities(deps.db),
    ...calendarActivities(deps.db),
    ...initiativeActivities(deps.db),
    ...complaintActivities(deps.db, deps.surveyLinkValidDays !== undefined ? { surveyLinkValidDays: deps.surveyLinkValidDays } : {}),
    ...reportActivities(deps.db),
    ...targetActivities(deps.db),
    ...incidentActivities(deps.db),
    ...improvementActivities(deps.db),
    ...followUpActivities(deps.db),
    ...feedbackActivities(deps.db),
    ...erasureActivities(deps.db, deps),
    ...meetingActivities(deps.db, deps.channel),
    ...npsCampaignActivities(deps.db, {
      ...(deps.npsCampaignPolicy ? { policy: deps.npsCampaignPolicy } : {}),
      ...(deps.surveyLinkValidDays !== undefined ? { surveyLinkValidDays: deps.surveyLinkValidDays } : {}),
      ...(deps.npsScheduler ? { scheduler: deps.npsScheduler } : {}),
    }),
  };
}
export type Activities = ReturnType<typeof createActivities>;
