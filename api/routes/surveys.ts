import { surveyLinkSecret } from '../../config/secrets.js';
import { answerSurveyLink, readSurveyInvitation, type SurveyInvitation } from '../../db/surveys.js';
import { linkState } from '../../domain/surveys/invitations.js';
import { checkSurveyLink } from '../../security/survey-link.js';
import type { AppDeps } from '../deps.js';
import { Problem } from '../problem.js';
import type { ApiRouter } from '../router.js';
import { PublicSurveySchema, SurveyAnswerSchema, SurveyAnsweredSchema, SurveyLinkProblemSchema, SurveyTokenParams, type surveyLinkCodes } from '../schemas/surveys.js';

/**
 * The customer's satisfaction survey (docs/surveys.md): public, no sign-in — the signed one-time
 * link is the only credential, and it opens its own invitation only. The answers name nothing of
 * the complaint but its number. Refusals carry a machine `code` the page translates.
 */

type LinkCode = (typeof surveyLinkCodes)[number];

/** A refused link: problem+json with the `code` the public page translates. */
class SurveyLinkProblem extends Problem {
  constructor(
    status: number,
    readonly code: LinkCode,
    detail: string,
  ) {
    super(status, code === 'survey_link_invalid' ? 'Invalid survey link' : code === 'survey_link_expired' ? 'Survey link expired' : 'Survey link already used', detail, undefined, `https://cxgov.dev/problems/${code}`);
  }

  override toJSON(instance?: string) {
    // The instance would repeat the token: left out.
    void instance;
    return { ...super.toJSON(), code: this.code };
  }
}

const invalid = () => new SurveyLinkProblem(404, 'survey_link_invalid', 'the link is not one cxgov issued, or it was altered');
const expired = () => new SurveyLinkProblem(410, 'survey_link_expired', 'the link has expired');
const used = () => new SurveyLinkProblem(409, 'survey_link_used', 'the survey was already answered through this link');

export function surveyRoutes(api: ApiRouter, { db, config }: AppDeps): void {
  const tags = ['Satisfaction survey (public)'];
  const secret = surveyLinkSecret(config);
  const refusals = {
    400: { description: 'The link is malformed (code survey_link_invalid) or the answer is not valid', schema: SurveyLinkProblemSchema },
    404: { description: 'The link was not issued by cxgov or was altered (code survey_link_invalid)', schema: SurveyLinkProblemSchema },
    409: { description: 'The survey was already answered through this link (code survey_link_used)', schema: SurveyLinkProblemSchema },
    410: { description: 'The link has expired (code survey_link_expired)', schema: SurveyLinkProblemSchema },
  };

  /** The invitation a genuine, open link names; a refusal otherwise (an expired link's `exp` and the row's end both count). */
  async function openInvitation(token: string): Promise<SurveyInvitation> {
    const check = await checkSurveyLink(secret, token);
    if (check.kind === 'invalid') throw invalid();
    const invitation = await readSurveyInvitation(db, check.invitationId);
    if (!invitation) throw invalid();
    const state = linkState(invitation, new Date());
    if (state === 'used') throw used();
    if (check.kind === 'expired' || state === 'expired') throw expired();
    return invitation;
  }

  api.add({
    method: 'get',
    path: '/public/surveys/:token',
    summary: 'What the survey page shows for a one-time link: the complaint number, the survey’s kind and until when it can be answered (no sign-in)',
    tags,
    public: true,
    params: SurveyTokenParams,
    responses: { 200: { description: 'The survey the link opens', schema: PublicSurveySchema }, ...refusals },
    handler: async ({ params, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
      const invitation = await openInvitation(params.token);
      return { status: 200, body: { reference: invitation.contactId, kind: invitation.kind, expiresAt: new Date(invitation.expiresAt).toISOString() } };
    },
  });

  api.add({
    method: 'post',
    path: '/public/surveys/:token',
    summary: 'Answer the survey through its one-time link: CSAT 1–5, NPS 0–10 and what could be better (no sign-in; the link works once)',
    tags,
    public: true,
    params: SurveyTokenParams,
    body: SurveyAnswerSchema,
    responses: { 201: { description: 'The answer is stored; the link is used up', schema: SurveyAnsweredSchema }, ...refusals },
    handler: async ({ params, body, res }) => {
      res.setHeader('Cache-Control', 'no-store');
      const invitation = await openInvitation(params.token);
      const result = await answerSurveyLink(db, { invitationId: invitation.id, csat: body.csat, nps: body.nps, verbatim: body.verbatim, at: new Date() });
      switch (result.kind) {
        case 'answered':
          return { status: 201, body: { answered: true } };
        case 'used':
          throw used();
        case 'expired':
          throw expired();
        case 'not_found':
          throw invalid();
      }
    },
  });
}
