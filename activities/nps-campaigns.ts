import { Context } from '@temporalio/activity';
import type { Database } from '../db/client.js';
import { campaignCandidates, issueCampaignInvitations, monitoredProducts, productNpsScores } from '../db/nps-campaigns.js';
import type { NpsDropFigures } from '../domain/gates/views.js';
import { campaignId, campaignPeriods, defaultNpsCampaignPolicy, npsDrop, sampleContacts, type NpsCampaignPolicy } from '../domain/surveys/campaigns.js';
import { defaultSurveyLinkValidDays } from '../domain/surveys/invitations.js';

/** What one campaign run did: whom it invited, and the drop it found, if any. */
export interface CampaignResult {
  campaignId: string;
  asOf: string;
  candidates: number;
  invited: number;
  drop?: NpsDropFigures;
}

/** Keeps the campaign schedules in step with the products watched (temporal/schedules.ts, injected by the worker). */
export interface NpsScheduler {
  sync(products: readonly string[]): Promise<{ created: string[]; removed: string[] }>;
}

export interface NpsCampaignDeps {
  policy?: NpsCampaignPolicy;
  surveyLinkValidDays?: number;
  scheduler?: NpsScheduler;
}

/**
 * Product NPS campaigns (docs/surveys.md "Product NPS"): one run compares the product's NPS of the
 * period just ended with the one before and invites a sample of the product's customers who had
 * contact in it; the schedule sync keeps one schedule per product under post-launch watch.
 */
export function npsCampaignActivities(db: Database, deps: NpsCampaignDeps = {}) {
  const policy = deps.policy ?? defaultNpsCampaignPolicy;
  return {
    async runNpsCampaign({ initiativeId, asOf }: { initiativeId: string; asOf: string }): Promise<CampaignResult> {
      const id = campaignId(initiativeId, asOf);
      const { current, previous } = campaignPeriods(asOf, policy);
      const [previousScores, currentScores] = await Promise.all([
        productNpsScores(db, { initiativeId, ...previous }),
        productNpsScores(db, { initiativeId, ...current }),
      ]);
      const drop = npsDrop(previousScores, currentScores, policy);
      const quietSince = new Date(Date.parse(asOf) - policy.quietDays * 86_400_000).toISOString();
      const candidates = await campaignCandidates(db, { initiativeId, campaignId: id, ...current, quietSince });
      const sample = sampleContacts(candidates, policy.sampleSize, id);
      const invited = await issueCampaignInvitations(db, {
        campaignId: id,
        initiativeId,
        asOf,
        contacts: sample.map((c) => c.contactId),
        validDays: deps.surveyLinkValidDays ?? defaultSurveyLinkValidDays,
        summary: { candidates: candidates.length, previousNps: drop?.previous.score ?? null, currentNps: drop?.current.score ?? null, drop: drop?.drop ?? null },
      });
      Context.current().log.info('product NPS campaign', { campaignId: id, candidates: candidates.length, invited, drop: drop?.drop });
      const result: CampaignResult = { campaignId: id, asOf, candidates: candidates.length, invited };
      if (drop) {
        result.drop = {
          campaignId: id,
          previous: drop.previous.score!,
          current: drop.current.score!,
          drop: drop.drop,
          previousAnswers: drop.previous.answers,
          currentAnswers: drop.current.answers,
        };
      }
      return result;
    },

    async syncNpsSchedules(): Promise<{ created: string[]; removed: string[] }> {
      if (!deps.scheduler) throw new Error('this worker was started without a Temporal client for the NPS campaign schedules');
      return deps.scheduler.sync(await monitoredProducts(db));
    },
  };
}
