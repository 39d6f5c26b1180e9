import { surveyKinds, csatMax, csatMin, npsMax, npsMin, verbatimMaxLength } from '../../domain/surveys/types.js';
import { z } from '../zod.js';
import { freeText } from './common.js';

/** The public survey page's requests and answers (docs/surveys.md "The public API"). Unknown fields are refused. */

export const surveyLinkCodes = ['survey_link_invalid', 'survey_link_expired', 'survey_link_used'] as const;

export const SurveyTokenParams = z.strictObject({
  token: z.string().min(1).max(2048).openapi({ description: 'The one-time link’s signed token, as the customer’s message carries it' }),
});

export const PublicSurveySchema = z
  .object({
    reference: z.string().openapi({ description: 'The complaint number the customer was given: the only thing the page shows about the complaint' }),
    kind: z.enum(surveyKinds).openapi({ description: 'complaint: the complaint closed; appeal: an appeal was decided' }),
    expiresAt: z.string().openapi({ description: 'Until when the link can be used' }),
  })
  .openapi('PublicSurvey');

export const SurveyAnswerSchema = z
  .strictObject({
    csat: z.number().int().min(csatMin).max(csatMax).openapi({ description: 'How satisfied: 1 (very dissatisfied) … 5 (very satisfied)' }),
    nps: z.number().int().min(npsMin).max(npsMax).openapi({ description: 'How likely to recommend us: 0 … 10' }),
    verbatim: freeText(verbatimMaxLength).optional().openapi({ description: 'What could be better; personal numbers are masked before it is stored' }),
  })
  .openapi('SurveyAnswer');

export const SurveyAnsweredSchema = z.object({ answered: z.literal(true) }).openapi('SurveyAnswered');

export const SurveyLinkProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(surveyLinkCodes).openapi({ description: 'Why the link is refused, for the page to say in the customer’s language' }),
  })
  .openapi('SurveyLinkProblem');
