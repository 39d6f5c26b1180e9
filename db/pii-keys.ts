import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { PiiUnreadable, type PiiCipher } from '../security/pii.js';
import { appendAuditEvent } from './audit.js';
import { queryRows, type Database, type Transaction } from './client.js';
import { piiContext } from './complaints.js';
import { dataKeyFor, sealValue } from './customer-keys.js';
import { secretContext } from './im-channels.js';
import { complaintCustomers } from './schema/complaints.js';
import { customerDataKeys } from './schema/erasures.js';
import { imChannels } from './schema/notifications.js';

/**
 * The PII keyring against the stored rows (docs/security.md "Keys"): the proof at start that the
 * configured keys open what the database holds, and the re-seal that moves every customer row
 * under its customer's data key (envelope encryption) and re-wraps every data key under the
 * current master key, so previous keys can be dropped.
 */

/** Why the keyring cannot open the stored customer data, or undefined when it can. */
export async function piiKeyringProblem(db: Database, cipher: PiiCipher): Promise<string | undefined> {
  // Rows still sealed directly under a master key: one row per key id in use (the newest), and
  // the newest row sealed before key ids (kid null). Rows under data keys (v3) and rows an erasure
  // overwrote are proven through the data keys below.
  const samples = await queryRows<{ kid: string | null; complaint_id: string; name_enc: string }>(
    db,
    sql`select distinct on (kid) kid, complaint_id, name_enc
        from (select complaint_id, name_enc, created_at, case when name_enc like 'v2.%' then split_part(name_enc, '.', 2) end as kid from complaint_customers
              where name_enc not like 'v3.%' and name_enc not like 'erased.%') s
        order by kid, created_at desc`,
  );
  // The newest live data key wrapped under each master key in use: it must unwrap.
  const wrapped = await queryRows<{ id: string; customer_ref: string; wrapped_key: string; master_key_id: string }>(
    db,
    sql`select distinct on (master_key_id) id, customer_ref, wrapped_key, master_key_id from customer_data_keys
        where erased_at is null and wrapped_key is not null order by master_key_id, created_at desc`,
  );
  for (const w of wrapped) {
    try {
      cipher.unwrapDataKey(w.wrapped_key, w.id, w.customer_ref);
    } catch (err) {
      if (!(err instanceof PiiUnreadable)) throw err;
      return (
        `the configured PII keys cannot unwrap customer data key ${w.id} (customer ${w.customer_ref}), wrapped under master key ${w.master_key_id} (${err.message}). ` +
        `PII_KEY is key ${cipher.keyId}. Start with the key that wrapped it as PII_KEY, or add it to PII_KEYS_PREVIOUS when you have rotated`
      );
    }
  }
  for (const s of samples) {
    try {
      cipher.decrypt(s.name_enc, piiContext(s.complaint_id, 'name'));
    } catch (err) {
      if (!(err instanceof PiiUnreadable)) throw err;
      const sealedUnder = s.kid ? `key ${s.kid}` : 'a key before key ids';
      return (
        `the configured PII keys cannot open the customer data of complaint ${s.complaint_id}, sealed under ${sealedUnder} (${err.message}). ` +
        `PII_KEY is key ${cipher.keyId}. Start with the key that sealed this database as PII_KEY, or add it to PII_KEYS_PREVIOUS when you have rotated`
      );
    }
  }
  return undefined;
}

export interface ResealProgress {
  /** Customer rows moved from the master key (v1/v2) under their customer's data key (v3). */
  resealed: number;
  /** Data keys re-wrapped under the current master key (no customer value re-encrypted). */
  rewrapped: number;
  /** Rows no key of the ring opens: left as they are. */
  unreadable: number;
}

export interface ResealOptions {
  actor: { userId: string; roles: string[] };
  batchSize?: number;
  onProgress?: (p: ResealProgress) => void;
}

/**
 * Re-seals every customer row and IM channel secret not yet under the current key, in batches of
 * one transaction each, while the API keeps serving (a row corrected meanwhile is sealed under the
 * current key already, and its lock makes the two wait for each other). The run is audited on the
 * chain of the current key (`pii_key/<keyId>`): started, progress after each batch, completed.
 */
export async function resealPii(db: Database, cipher: PiiCipher, opts: ResealOptions): Promise<ResealProgress & { runId: string }> {
  const runId = randomUUID();
  const batchSize = opts.batchSize ?? 500;
  let batch = 0;
  // A row not yet under its customer's data key: any field still sealed by a master key (v1, v2).
  const direct = (c: import('drizzle-orm').AnyColumn) => sql`(${c} like 'v1.%' or ${c} like 'v2.%')`;
  const stale = sql`(${direct(complaintCustomers.nameEnc)} or ${direct(complaintCustomers.phoneEnc)} or ${direct(complaintCustomers.idNumberEnc)})`;
  const staleKey = and(isNull(customerDataKeys.erasedAt), isNotNull(customerDataKeys.wrappedKey), sql`${customerDataKeys.masterKeyId} is distinct from ${cipher.keyId}`);
  const audit = (tx: Database | Transaction, step: string, after: Record<string, unknown>) =>
    appendAuditEvent(tx, {
      entityType: 'pii_key',
      entityId: cipher.keyId,
      sourceKey: `pii-reseal:${runId}:${step}`,
      actor: opts.actor.userId,
      roles: opts.actor.roles,
      action: `pii_key.reseal_${step.startsWith('batch') ? 'progress' : step}`,
      at: new Date(),
      after: { runId, ...after },
    });

  const [pending] = await db.select({ n: sql<number>`count(*)::int` }).from(complaintCustomers).where(stale);
  const [pendingKeys] = await db.select({ n: sql<number>`count(*)::int` }).from(customerDataKeys).where(staleKey);
  await audit(db, 'started', { keyId: cipher.keyId, pendingCustomers: pending?.n ?? 0, pendingDataKeys: pendingKeys?.n ?? 0 });

  const progress: ResealProgress = { resealed: 0, rewrapped: 0, unreadable: 0 };

  // 1. Re-wrap every live data key not under the current master key: cheap, no customer value is
  //    re-encrypted (a rotation of PII_KEY needs only this).
  let afterKey = '';
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.select().from(customerDataKeys).where(and(gt(customerDataKeys.id, afterKey), staleKey)).orderBy(asc(customerDataKeys.id)).limit(batchSize).for('update');
      if (rows.length === 0) return true;
      for (const row of rows) {
        afterKey = row.id;
        try {
          const key = cipher.unwrapDataKey(row.wrappedKey!, row.id, row.customerRef);
          await tx.update(customerDataKeys).set({ wrappedKey: cipher.wrapDataKey(key, row.id, row.customerRef), masterKeyId: cipher.keyId }).where(eq(customerDataKeys.id, row.id));
          progress.rewrapped++;
        } catch (err) {
          if (!(err instanceof PiiUnreadable)) throw err;
          progress.unreadable++;
        }
      }
      await audit(tx, `batch-k${++batch}`, { ...progress, throughDataKey: afterKey });
      return false;
    });
    opts.onProgress?.({ ...progress });
    if (done) break;
  }

  // 2. Move every customer row still sealed directly under a master key (v1/v2) under its
  //    customer's data key (v3).
  let after = '';
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.select().from(complaintCustomers).where(and(gt(complaintCustomers.complaintId, after), stale)).orderBy(asc(complaintCustomers.complaintId)).limit(batchSize).for('update');
      if (rows.length === 0) return true;
      for (const row of rows) {
        after = row.complaintId;
        try {
          const dataKey = await dataKeyFor(tx, cipher, row.customerRef);
          const reseal = (sealed: string, field: 'name' | 'phone' | 'idNumber') =>
            sealed.startsWith('v3.') || sealed.startsWith('erased.') ? sealed : sealValue(dataKey, cipher.decrypt(sealed, piiContext(row.complaintId, field)), piiContext(row.complaintId, field));
          const set = { nameEnc: reseal(row.nameEnc, 'name'), phoneEnc: reseal(row.phoneEnc, 'phone'), idNumberEnc: row.idNumberEnc ? reseal(row.idNumberEnc, 'idNumber') : null };
          await tx.update(complaintCustomers).set(set).where(eq(complaintCustomers.complaintId, row.complaintId));
          progress.resealed++;
        } catch (err) {
          if (!(err instanceof PiiUnreadable)) throw err;
          progress.unreadable++;
        }
      }
      await audit(tx, `batch-${++batch}`, { ...progress, throughComplaint: after });
      return false;
    });
    opts.onProgress?.({ ...progress });
    if (done) break;
  }

  // IM channel secrets (a handful of rows): one transaction.
  const channels = await db.transaction(async (tx) => {
    let n = 0;
    for (const ch of await tx.select().from(imChannels).where(isNotNull(imChannels.secretEnc)).for('update')) {
      if (cipher.isCurrent(ch.secretEnc!)) continue;
      const context = secretContext(ch.id);
      try {
        await tx.update(imChannels).set({ secretEnc: cipher.encrypt(cipher.decrypt(ch.secretEnc!, context), context) }).where(eq(imChannels.id, ch.id));
        n++;
      } catch (err) {
        if (!(err instanceof PiiUnreadable)) throw err;
        progress.unreadable++;
      }
    }
    return n;
  });
  await audit(db, 'completed', { keyId: cipher.keyId, ...progress, imChannelSecrets: channels });
  return { runId, ...progress };
}
