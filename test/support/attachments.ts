import type { Principal } from '../../api/auth/roles.js';
import { signToken } from '../../api/auth/tokens.js';
import { testAudience, testIssuer, testSecret, type HttpAnswer, type Stack } from './stack.js';

/** A small PDF-looking document (the server keeps bytes, it does not parse them). */
export const samplePdf = Buffer.from('%PDF-1.4\n% research report of the fixture initiative\n%%EOF\n', 'utf8');

/** Uploads `content` for the initiative as `who` (POST /initiatives/{id}/attachments). */
export function upload(stack: Pick<Stack, 'as'>, who: Principal, initiativeId: string, content: Uint8Array | string, mediaType = 'application/pdf', name = 'research-report.pdf'): Promise<HttpAnswer> {
  return stack.as(who).raw(`/api/v1/initiatives/${encodeURIComponent(initiativeId)}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': mediaType },
    body: typeof content === 'string' ? content : Buffer.from(content),
  });
}

/** A download's bytes and headers, as `who` (the stack's client reads bodies as text). */
export async function download(stack: Pick<Stack, 'url'>, who: Principal, path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
  const token = await signToken(who, { issuer: testIssuer, audience: testAudience, secret: testSecret });
  const res = await fetch(stack.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}
