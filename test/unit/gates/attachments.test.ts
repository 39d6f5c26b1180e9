import { describe, expect, it } from 'vitest';
import { attachmentKeyOf, essenceOf, isAttachmentMediaType, ownAttachmentSegment, shortHash } from '../../../domain/gates/attachments.js';

const hosts = ['localhost', '127.0.0.1', 'cx.bank.example'];
const hash = 'ab'.repeat(32);

describe('attachments: media types', () => {
  it('takes the documents of a bank and refuses anything active', () => {
    for (const t of ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png', 'text/csv', 'text/plain']) expect(isAttachmentMediaType(t), t).toBe(true);
    for (const t of ['text/html', 'image/svg+xml', 'application/javascript', 'application/zip', 'application/octet-stream', 'application/json', '']) expect(isAttachmentMediaType(t), t).toBe(false);
  });

  it('reads the media type of a Content-Type without its parameters', () => {
    expect(essenceOf('Text/CSV; charset=utf-8')).toBe('text/csv');
    expect(essenceOf(undefined)).toBe('');
  });
});

describe('attachments: our own download addresses', () => {
  it('recognises an http(s) URL on one of our hosts under /api/v1/attachments/', () => {
    expect(ownAttachmentSegment(`http://127.0.0.1:3000/api/v1/attachments/${hash}`, hosts)).toBe(hash);
    expect(ownAttachmentSegment('https://CX.bank.example/api/v1/attachments/0b8e2a4c-1f1d-4c3a-9b7e-2f0c7c1d9e11', hosts)).toBe('0b8e2a4c-1f1d-4c3a-9b7e-2f0c7c1d9e11');
    expect(ownAttachmentSegment('https://cx.bank.example/api/v1/attachments/report.pdf', hosts)).toBe('report.pdf');
  });

  it('leaves other addresses to the submitter', () => {
    for (const uri of [`https://docs.example/api/v1/attachments/${hash}`, `s3://cx.bank.example/api/v1/attachments/${hash}`, 'https://cx.bank.example/files/report.pdf', 'not a url', `ftp://localhost/api/v1/attachments/${hash}`]) {
      expect(ownAttachmentSegment(uri, hosts), uri).toBeUndefined();
    }
  });

  it('names an attachment by uuid or SHA-256 only', () => {
    expect(attachmentKeyOf(hash.toUpperCase())).toEqual({ sha256: hash });
    expect(attachmentKeyOf('0B8E2A4C-1F1D-4C3A-9B7E-2F0C7C1D9E11')).toEqual({ id: '0b8e2a4c-1f1d-4c3a-9b7e-2f0c7c1d9e11' });
    for (const s of ['report.pdf', '', hash.slice(1), `${hash}/x`, '%E0%A4%A']) expect(attachmentKeyOf(s), s).toBeUndefined();
  });

  it('shortens a hash for reading', () => {
    expect(shortHash(hash)).toBe('abababab…abab');
  });
});
