import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../db/audit.js';
import { people } from '../support/people.js';
import { startStack, type Stack } from '../support/stack.js';

/**
 * An auditor walking GET /audit/events to the end gets every event once, in recording order —
 * also when the row ids cross 9 → 10 and 99 → 100, where a listing ordered by the id as text
 * ("1", "10", "100", "11", …) skipped and repeated events against the numeric cursor.
 */
let stack: Stack;
const records = ['r-a', 'r-b', 'r-c'];
const total = 125;

beforeAll(async () => {
  stack = await startStack({ withoutWorker: true });
  const db = stack.database.db;
  const seqs = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const entityId = records[i % records.length]!;
    const seq = (seqs.get(entityId) ?? 0) + 1;
    seqs.set(entityId, seq);
    await db.transaction((tx) =>
      appendAuditEvent(tx, { entityType: 'complaint', entityId, sourceKey: `listing-${entityId}:${seq}`, actor: 'cai', roles: ['cs_agent'], action: `complaint.step${seq}`, at: new Date(Date.UTC(2026, 10, 27, 9, 0, i)) }),
    );
  }
});
afterAll(async () => {
  await stack?.stop();
});

interface Listed {
  id: string;
  entityId: string;
  seq: number;
}

async function walk(limit?: number): Promise<{ events: Listed[]; pages: number }> {
  const events: Listed[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = [limit !== undefined ? `limit=${limit}` : '', cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
    const res: { status: number; body: { items: Listed[]; nextCursor: string | null } } = await stack.as(people.auditor).get(`/api/v1/audit/events${query ? `?${query}` : ''}`);
    expect(res.status).toBe(200);
    events.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
    expect(pages).toBeLessThanOrEqual(total + 1);
  } while (cursor);
  return { events, pages };
}

function expectEveryEventOnceInOrder(events: Listed[]): void {
  const ids = events.map((e) => Number(e.id));
  expect(events).toHaveLength(total);
  expect(new Set(ids).size).toBe(total);
  expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  // the ids cross both decimal boundaries that a text order gets wrong
  expect(Math.min(...ids)).toBeLessThan(10);
  expect(Math.max(...ids)).toBeGreaterThanOrEqual(100);
  // within one record, the chain order
  for (const r of records) {
    const seqs = events.filter((e) => e.entityId === r).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  }
}

describe('GET /audit/events walked to the end', () => {
  it.each([1, 7, 10, 99, 100])('with limit=%i: every event once, in recording order', async (limit) => {
    const { events, pages } = await walk(limit);
    expectEveryEventOnceInOrder(events);
    expect(pages).toBe(Math.ceil(total / limit));
  });

  it('with the default limit: every event once, in recording order', async () => {
    const { events, pages } = await walk();
    expectEveryEventOnceInOrder(events);
    expect(pages).toBe(2);
  });

  it('one record at a time: its chain in seq order', async () => {
    for (const r of records) {
      const res = await stack.as(people.auditor).get(`/api/v1/audit/events?entityType=complaint&entityId=${r}&limit=1000`);
      const seqs = res.body.items.map((e: Listed) => e.seq);
      expect(seqs.length).toBeGreaterThan(40);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    }
  });
});

describe('GET /audit/events searched as the audit page does', () => {
  const get = async (q: string) => {
    const res = await stack.as(people.auditor).get(`/api/v1/audit/events?${q}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: (Listed & { action: string })[]; nextCursor: string | null };
  };

  it('the most recent first (order=desc), walked to the end with its cursor: every event once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Listed[]; nextCursor: string | null } = await get(`order=desc&limit=40${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => Number(e.id)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it('one record most recent first, paged by its seq', async () => {
    const first = await get('entityType=complaint&entityId=r-a&order=desc&limit=10');
    const second = await get(`entityType=complaint&entityId=r-a&order=desc&limit=10&cursor=${first.nextCursor}`);
    const seqs = [...first.items, ...second.items].map((e) => e.seq);
    const count = Math.ceil(total / records.length);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => count - i));
  });

  it('by one action, or by a family of actions ending in a dot', async () => {
    const one = await get('action=complaint.step3&limit=1000');
    expect(one.items.map((e) => e.entityId).sort()).toEqual([...records].sort());
    expect(one.items.every((e) => e.action === 'complaint.step3')).toBe(true);
    const family = await get('action=complaint.&limit=1000');
    expect(family.items).toHaveLength(total);
    expect((await get('action=incident.&limit=1000')).items).toEqual([]);
  });

  it('refuses an action that is neither, on its field', async () => {
    for (const action of ['complaint', 'DROP TABLE', 'complaint.%25', '.x']) {
      const res = await stack.as(people.auditor).get(`/api/v1/audit/events?action=${action}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('query.action');
    }
  });

  it('as CSV with Accept: text/csv: a header, one row per event, the next cursor in a header', async () => {
    const res = await stack.as(people.auditor).get('/api/v1/audit/events?entityType=complaint&entityId=r-b&limit=5', { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(res.body).trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,entityType,entityId,actor,roles,action,reason,before,after,hash,prevHash');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['1', '2', '3', '4', '5']);
    expect(lines[1]).toContain(',complaint,r-b,cai,cs_agent,complaint.step1,');
    expect(res.headers.get('x-next-cursor')).toBeTruthy();
  });
});
