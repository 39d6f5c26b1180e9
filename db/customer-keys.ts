import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { dataKeyIdOf, newDataKey, openUnderDataKey, PiiErased, PiiUnreadable, sealUnderDataKey, type DataKey, type PiiCipher } from '../security/pii.js';
import type { Database, Transaction } from './client.js';
import { customerDataKeys } from './schema/index.js';

/**
 * Customer data keys (docs/security.md "Customer data keys and erasure"): one random 256-bit key
 * per customer (`customerRef`, the reference the bank gives a complaint's customer — the same one
 * the repeat rule and the PII access log use to mean "the same customer"), stored only wrapped by
 * the master PII key. Every query of `customer_data_keys` lives here.
 */

/** A value overwritten by an erasure because it was sealed before data keys existed (v1/v2): no key to destroy, so the ciphertext itself goes. */
export const erasedTombstone = (erasureId: string) => `erased.${erasureId}`;
export const isTombstone = (sealed: string) => sealed.startsWith('erased.');

/**
 * The customer's live data key, created (random, wrapped by the current master key) when they
 * have none. Concurrent intakes of one customer converge on one key (a partial unique index).
 */
export async function dataKeyFor(db: Database | Transaction, cipher: PiiCipher, customerRef: string): Promise<DataKey> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const [live] = await db.select().from(customerDataKeys).where(and(eq(customerDataKeys.customerRef, customerRef), isNull(customerDataKeys.erasedAt)));
    if (live?.wrappedKey) return { id: live.id, key: cipher.unwrapDataKey(live.wrappedKey, live.id, customerRef) };
    const fresh = newDataKey();
    await db
      .insert(customerDataKeys)
      .values({ id: fresh.id, customerRef, wrappedKey: cipher.wrapDataKey(fresh.key, fresh.id, customerRef), masterKeyId: cipher.keyId })
      .onConflictDoNothing();
  }
  throw new Error(`no data key could be made for customer ${customerRef}`);
}

/** What a data key id resolves to for one read: the key, or why it does not open. */
export type KeyState = Buffer | 'erased' | 'unreadable';

/** The data keys the given sealed values name, unwrapped once each (one query). */
export async function loadDataKeys(db: Database | Transaction, cipher: PiiCipher, sealed: (string | null | undefined)[]): Promise<Map<string, KeyState>> {
  const ids = [...new Set(sealed.map((s) => (s ? dataKeyIdOf(s) : undefined)).filter((id): id is string => id !== undefined))];
  const keys = new Map<string, KeyState>(ids.map((id) => [id, 'unreadable' as KeyState]));
  if (ids.length === 0) return keys;
  for (const row of await db.select().from(customerDataKeys).where(inArray(customerDataKeys.id, ids))) {
    if (row.erasedAt !== null || row.wrappedKey === null) {
      keys.set(row.id, 'erased');
      continue;
    }
    try {
      keys.set(row.id, cipher.unwrapDataKey(row.wrappedKey, row.id, row.customerRef));
    } catch (err) {
      if (!(err instanceof PiiUnreadable)) throw err;
    }
  }
  return keys;
}

/**
 * Opens one stored customer value: `v3` through its data key (PiiErased when the key was
 * destroyed), a tombstone as erased, `v1`/`v2` through the master keyring.
 */
export function openValue(cipher: PiiCipher, keys: Map<string, KeyState>, sealed: string, context: string): string {
  if (isTombstone(sealed)) throw new PiiErased('erased');
  const id = dataKeyIdOf(sealed);
  if (id === undefined) return cipher.decrypt(sealed, context);
  const key = keys.get(id);
  if (key === 'erased') throw new PiiErased(`data key ${id} was destroyed by an erasure`);
  if (key === undefined || key === 'unreadable') throw new PiiUnreadable(`data key ${id} is missing or no configured master key unwraps it`);
  return openUnderDataKey(key, sealed, context);
}

export function sealValue(dataKey: DataKey, plain: string, context: string): string {
  return sealUnderDataKey(dataKey, plain, context);
}

/** The live (not erased) data keys of a customer. */
export async function liveDataKeys(db: Database | Transaction, customerRef: string): Promise<{ id: string; masterKeyId: string | null }[]> {
  return db
    .select({ id: customerDataKeys.id, masterKeyId: customerDataKeys.masterKeyId })
    .from(customerDataKeys)
    .where(and(eq(customerDataKeys.customerRef, customerRef), isNull(customerDataKeys.erasedAt)));
}

/**
 * Destroys the given data keys (crypto-shredding): the wrapped key is overwritten with null, the
 * erasure named. Idempotent: a key already erased stays as it is. Returns the ids destroyed now.
 */
export async function destroyDataKeys(tx: Database | Transaction, ids: string[], erasureId: string, at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .update(customerDataKeys)
    .set({ wrappedKey: null, masterKeyId: null, erasedAt: at, erasureId })
    .where(and(inArray(customerDataKeys.id, ids), isNull(customerDataKeys.erasedAt)))
    .returning({ id: customerDataKeys.id });
  return rows.map((r) => r.id);
}

/** Ids of a customer's data keys already destroyed by this erasure (for an idempotent retry's proof). */
export async function erasedDataKeys(db: Database | Transaction, erasureId: string): Promise<string[]> {
  const rows = await db.select({ id: customerDataKeys.id }).from(customerDataKeys).where(eq(customerDataKeys.erasureId, erasureId));
  return rows.map((r) => r.id);
}

/** Live data keys wrapped under a master key other than the current one (the rewrap's work). */
export async function staleWrappedCount(db: Database | Transaction, cipher: PiiCipher): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customerDataKeys)
    .where(and(isNull(customerDataKeys.erasedAt), sql`${customerDataKeys.masterKeyId} is distinct from ${cipher.keyId}`));
  return row?.n ?? 0;
}
