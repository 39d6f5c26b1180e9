import { errors, jwtVerify, SignJWT } from 'jose';

/**
 * The customer's one-time survey link (docs/surveys.md "The link"): an HS256 JWT whose `sub` is
 * the invitation id and whose `exp` is the invitation's expiry, signed with SURVEY_LINK_SECRET (or
 * the secret generated under DATA_DIR). The token is never stored: the customer notice signs it
 * when it is sent; the public page's API verifies it and then finds the invitation it names. It
 * opens one invitation only, and nothing else in the API (its own audience).
 */

export const surveyLinkAudience = 'cxgov-survey';
export const surveyLinkIssuer = 'cxgov';

export async function signSurveyLink(secret: Uint8Array, invitation: { id: string; expiresAt: string | Date }): Promise<string> {
  const exp = Math.floor(new Date(invitation.expiresAt).getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(invitation.id)
    .setIssuer(surveyLinkIssuer)
    .setAudience(surveyLinkAudience)
    .setExpirationTime(exp)
    .sign(secret);
}

export type SurveyLinkCheck = { kind: 'valid'; invitationId: string } | { kind: 'expired'; invitationId: string } | { kind: 'invalid' };

/**
 * What a token is: valid (names its invitation), expired (a genuine link past its `exp`: still
 * names the invitation, so the page can say so), or invalid (forged, altered, another key's,
 * another audience's, not a JWT at all).
 */
export async function checkSurveyLink(secret: Uint8Array, token: string, now: Date = new Date()): Promise<SurveyLinkCheck> {
  if (token.length > 2048 || !/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) return { kind: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], issuer: surveyLinkIssuer, audience: surveyLinkAudience, currentDate: now, requiredClaims: ['sub', 'exp'] });
    return typeof payload.sub === 'string' && payload.sub ? { kind: 'valid', invitationId: payload.sub } : { kind: 'invalid' };
  } catch (err) {
    // jose checks the signature before the claims: an expired token here was genuinely signed.
    if (err instanceof errors.JWTExpired && typeof err.payload.sub === 'string' && err.payload.sub) return { kind: 'expired', invitationId: err.payload.sub };
    return { kind: 'invalid' };
  }
}
