import { describe, expect, it } from 'vitest';
import { checkSurveyLink, signSurveyLink } from '../../../security/survey-link.js';

/** The one-time link's token (docs/surveys.md "The link"). */
const secret = new TextEncoder().encode('survey-link-test-'.padEnd(48, 'k'));
const other = new TextEncoder().encode('another-secret-entirely-'.padEnd(48, 'z'));
const inOneWeek = () => new Date(Date.now() + 7 * 86_400_000);

/** The token with one character of `part` (0 header, 1 payload, 2 signature) changed. */
function altered(token: string, part: number, at = 5): string {
  const parts = token.split('.');
  const p = parts[part]!;
  const c = p[at] === 'A' ? 'B' : 'A';
  parts[part] = p.slice(0, at) + c + p.slice(at + 1);
  return parts.join('.');
}

describe('the survey link token', () => {
  it('names its invitation and ends when the invitation does', async () => {
    const expiresAt = inOneWeek();
    const token = await signSurveyLink(secret, { id: 'SV-abc', expiresAt });
    expect(await checkSurveyLink(secret, token)).toEqual({ kind: 'valid', invitationId: 'SV-abc' });
    const [, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'SV-abc', exp: Math.floor(expiresAt.getTime() / 1000), aud: 'cxgov-survey' });
  });

  it('is expired after its end, and still says which invitation it was', async () => {
    const token = await signSurveyLink(secret, { id: 'SV-old', expiresAt: new Date(Date.now() + 60_000) });
    expect(await checkSurveyLink(secret, token, new Date(Date.now() + 3_600_000))).toEqual({ kind: 'expired', invitationId: 'SV-old' });
  });

  it('is invalid when altered by one character anywhere, signed with another key, or not a token', async () => {
    const token = await signSurveyLink(secret, { id: 'SV-abc', expiresAt: inOneWeek() });
    for (const part of [0, 1, 2]) expect(await checkSurveyLink(secret, altered(token, part)), `part ${part}`).toEqual({ kind: 'invalid' });
    expect(await checkSurveyLink(secret, token.slice(0, -1))).toEqual({ kind: 'invalid' });
    expect(await checkSurveyLink(other, token)).toEqual({ kind: 'invalid' });
    for (const junk of ['', 'abc', 'a.b', 'a.b.c', '../../etc/passwd', 'x'.repeat(5000)]) expect(await checkSurveyLink(secret, junk), junk.slice(0, 20)).toEqual({ kind: 'invalid' });
  });

  it('is invalid when an expired token is forged: the signature is checked before the end', async () => {
    const token = await signSurveyLink(other, { id: 'SV-x', expiresAt: new Date(Date.now() + 1000) });
    expect(await checkSurveyLink(secret, token, new Date(Date.now() + 3_600_000))).toEqual({ kind: 'invalid' });
  });
});
