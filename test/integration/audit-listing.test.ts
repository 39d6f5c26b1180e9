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
