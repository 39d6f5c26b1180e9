import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, samplePdf, upload } from '../support/attachments.js';
import { isProblem } from '../support/endpoints.js';
import { deliverables, gates } from '../support/gates.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * Attachments of the deliverables (docs/gates.md "Attachments"): uploaded as the file's bytes,
 * hashed and stored by the server, downloaded by who may read the initiative, and checked when
 * deliverables reference them.
 */
const limit = 64 * 1024;
let stack: Stack;
let g: ReturnType<typeof gates>;
beforeAll(async () => {
  stack = await startStack({ env: { ATTACHMENT_MAX_BYTES: String(limit) } });
  g = gates(stack);
  await g.roster();
  await g.policy();
});
afterAll(async () => stack?.stop());

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const pathOf = (uri: string) => new URL(uri).pathname;

describe('upload and download', () => {
  it('stores the bytes with the hash the server computed, answers the same attachment for the same bytes, and gives them back byte for byte', async () => {
    const id = await g.create();
    const first = await upload(stack, people.owner, id, samplePdf, 'application/pdf', '调研报告 v1.pdf');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ sha256: sha256(samplePdf), size: samplePdf.length, mediaType: 'application/pdf', name: '调研报告 v1.pdf', uploadedBy: { userId: 'pat', name: 'Pat Product' } });
    expect(first.body.uri).toBe(`${stack.url}/api/v1/attachments/${first.body.id}`);
    expect(first.headers.get('location')).toBe(`/api/v1/attachments/${first.body.id}`);

    // The same bytes again (another name): the same record, nothing stored twice.
    const again = await upload(stack, people.owner, id, samplePdf, 'application/pdf', 'copy.pdf');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const counted = await stack.query<{ n: number }>('select count(*)::int as n from attachments where context_id = $1', [id]);
    expect(counted[0]?.n).toBe(1);

    for (const path of [pathOf(first.body.uri), `/api/v1/attachments/${first.body.sha256}`, `/api/v1/attachments/${first.body.sha256.toUpperCase()}`]) {
      const got = await download(stack, people.auditor, path);
      expect(got.status, path).toBe(200);
      expect(got.bytes.equals(samplePdf)).toBe(true);
      expect(got.headers.get('content-type')).toBe('application/pdf');
      expect(got.headers.get('content-length')).toBe(String(samplePdf.length));
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('cache-control')).toBe('private, no-store');
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''%E8%B0%83%E7%A0%94%E6%8A%A5%E5%91%8A%20v1.pdf`);
      expect(got.headers.get('etag')).toBe(`"${first.body.sha256}"`);
    }
  });

  it('keeps bytes of every kind exactly, text with its own type', async () => {
    const id = await g.create();
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    const png = await upload(stack, people.owner, id, bytes, 'image/png', 'screen.png');
    expect(png.status).toBe(201);
    expect(png.body.sha256).toBe(sha256(bytes));
    expect((await download(stack, people.owner, pathOf(png.body.uri))).bytes.equals(bytes)).toBe(true);
    const csv = await upload(stack, people.owner, id, 'segment,needs\n年轻人,快\n', 'text/csv; charset=utf-8', 'needs.csv');
    expect(csv.status).toBe(201);
    expect(csv.body.mediaType).toBe('text/csv');
    const got = await download(stack, people.owner, pathOf(csv.body.uri));
    expect(got.bytes.toString('utf8')).toBe('segment,needs\n年轻人,快\n');
    expect(got.headers.get('content-type')).toMatch(/^text\/csv/);
  });

  it('refuses a file over ATTACHMENT_MAX_BYTES (413), an empty one (400) and a media type outside the list (415), each a problem document saying why', async () => {
    const id = await g.create();
    const big = await upload(stack, people.owner, id, Buffer.alloc(limit + 1, 1));
    expect(big.status).toBe(413);
    expect(isProblem(big, 413)).toBe(true);
    expect(big.body.detail).toContain(`${limit} bytes`);
    expect((await upload(stack, people.owner, id, Buffer.alloc(limit, 1))).status).toBe(201);

    const empty = await upload(stack, people.owner, id, Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(isProblem(empty, 400)).toBe(true);
    expect(empty.body.detail).toContain('empty');

    for (const type of ['text/html', 'image/svg+xml', 'application/javascript', 'application/zip', 'application/octet-stream', 'application/json']) {
      const refused = await upload(stack, people.owner, id, type === 'application/json' ? '{}' : 'x', type, 'x.bin');
      expect(refused.status, type).toBe(415);
      expect(isProblem(refused, 415)).toBe(true);
      expect(refused.body.detail).toContain('application/pdf');
    }
    const untyped = await stack.as(people.owner).raw(`/api/v1/initiatives/${id}/attachments?name=x.pdf`, { method: 'POST', body: samplePdf });
    expect(untyped.status).toBe(415);

    for (const name of ['', '../etc/passwd', 'a\\b.pdf', 'a\u0000.pdf', 'x'.repeat(256)]) {
      const res = await upload(stack, people.owner, id, samplePdf, 'application/pdf', name);
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.errors?.[0]?.path).toBe('query.name');
    }
    const counted = await stack.query<{ n: number }>('select count(*)::int as n from attachments where context_id = $1', [id]);
    expect(counted[0]?.n).toBe(1);
  });

  it('lets only a product owner of the initiative’s team upload, and only readers of initiatives download', async () => {
    const id = await g.create();
    for (const who of [people.owner2, people.agent, people.handler, people.supervisor, people.auditor, people.admin, people.m1, people.nobody]) {
      const res = await upload(stack, who, id, samplePdf);
      expect(res.status, who.userId).toBe(403);
      expect(isProblem(res, 403)).toBe(true);
    }
    expect((await upload(stack, people.owner, 'no-such-initiative', samplePdf)).status).toBe(404);
    const ok = await upload(stack, people.owner, id, samplePdf);
    const path = pathOf(ok.body.uri);
    for (const who of [people.agent, people.agent2, people.handler, people.nobody]) {
      const res = await download(stack, who, path);
      expect(res.status, who.userId).toBe(403);
    }
    for (const who of [people.owner, people.owner2, people.supervisor, people.auditor, people.admin, people.m1, people.chair]) {
      expect((await download(stack, who, path)).status, who.userId).toBe(200);
    }
    expect((await download(stack, people.auditor, '/api/v1/attachments/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await download(stack, people.auditor, `/api/v1/attachments/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await download(stack, people.auditor, '/api/v1/attachments/report.pdf')).status).toBe(400);
  });

  it('refuses uploads once the initiative has ended', async () => {
    const id = await g.create();
    expect((await stack.as(people.owner).post(`/api/v1/initiatives/${id}/withdraw`, { reason: 'market changed' })).status).toBe(200);
    const res = await upload(stack, people.owner, id, samplePdf);
    expect(res.status).toBe(409);
  });
});

describe('deliverables referencing uploads', () => {
  it('accepts an uploaded file’s uri and sha256, and shows them in the review', async () => {
    const id = await g.create();
    const up = await upload(stack, people.owner, id, samplePdf);
    const research = { ...deliverables.research, attachments: [{ uri: up.body.uri, sha256: up.body.sha256 }, ...deliverables.research.attachments] };
    const submitted = await g.submit(id, 'research', research);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect((await g.get(id, people.m1)).body.review.deliverables.attachments[0]).toEqual({ uri: up.body.uri, sha256: up.body.sha256 });
  });

  it('refuses a uri of ours that names no upload of this initiative, or a sha256 other than the file’s, with the field named', async () => {
    const id = await g.create();
    const other = await g.create();
    const up = await upload(stack, people.owner, id, samplePdf);
    const elsewhere = await upload(stack, people.owner, other, Buffer.from('%PDF-1.4 other initiative'));
    const cases: [string, { uri: string; sha256: string }, string][] = [
      ['an id never uploaded', { uri: `${stack.url}/api/v1/attachments/00000000-0000-4000-8000-000000000000`, sha256: up.body.sha256 }, 'uri'],
      ['a hash never uploaded', { uri: `${stack.url}/api/v1/attachments/${'c'.repeat(64)}`, sha256: 'c'.repeat(64) }, 'uri'],
      ['not an attachment address', { uri: `${stack.url}/api/v1/attachments/report.pdf`, sha256: up.body.sha256 }, 'uri'],
      ['another initiative’s file', { uri: elsewhere.body.uri, sha256: elsewhere.body.sha256 }, 'uri'],
      ['another sha256', { uri: up.body.uri, sha256: 'ab'.repeat(32) }, 'sha256'],
      ['localhost for 127.0.0.1', { uri: up.body.uri.replace('127.0.0.1', 'localhost'), sha256: 'ab'.repeat(32) }, 'sha256'],
    ];
    for (const [what, attachment, field] of cases) {
      const res = await g.submit(id, 'research', { ...deliverables.research, attachments: [deliverables.research.attachments[0]!, attachment] });
      expect(res.status, what).toBe(400);
      expect(isProblem(res, 400)).toBe(true);
      expect(res.body.errors, what).toEqual([expect.objectContaining({ path: `body.deliverables.attachments[1].${field}` })]);
    }
    // Nothing was submitted: the initiative still takes its research.
    expect((await g.get(id)).body.status).toBe('in_progress');
    expect((await g.submit(id, 'research', { ...deliverables.research, attachments: [{ uri: up.body.uri.replace('127.0.0.1', 'localhost'), sha256: up.body.sha256.toUpperCase() }] })).status).toBe(201);
  });
});
