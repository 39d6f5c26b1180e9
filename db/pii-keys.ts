import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { PiiUnreadable, type PiiCipher } from '../security/pii.js';
import { appendAuditEvent } from './audit.js';
import { queryRows, type Database, type Transaction } from './client.js';
import { piiContext } from './complaints.js';
import { secretContext } from './im-channels.js';
import { complaintCustomers } from './schema/complaints.js';
import { imChannels } from './schema/notifications.js';

/**
 * The PII keyring against the stored rows (docs/security.md "Keys"): the proof at start that the
 * configured keys open what the database holds, and the re-seal that moves every row to the
 * current key so previous keys can be dropped.
 */

/** Why the keyring cannot open the stored customer data, or undefined when it can. */
export async function piiKeyringProblem(db: Database, cipher: PiiCipher): Promise<string | undefined> {
  // One row per key id in use (the newest), and the newest row sealed before key ids (kid null).
  const samples = await queryRows<{ kid: string | null; complaint_id: string; name_enc: string }>(
    db,
    sql`select distinct on (kid) kid, complaint_id, name_enc
        from (select complaint_id, name_enc, created_at, case when name_enc like 'v2.%' then split_part(name_enc, '.', 2) end as kid from complaint_customers) s
        order by kid, created_at desc`,
  );
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
  resealed: number;
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
  const current = `v2.${cipher.keyId}.%`;
  const stale = sql`(${complaintCustomers.nameEnc} not like ${current} or ${complaintCustomers.phoneEnc} not like ${current} or coalesce(${complaintCustomers.idNumberEnc}, ${current}) not like ${current})`;
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
  await audit(db, 'started', { keyId: cipher.keyId, pendingCustomers: pending?.n ?? 0 });

  const progress: ResealProgress = { resealed: 0, unreadable: 0 };
  let after = '';
  let batch = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.select().from(complaintCustomers).where(and(gt(complaintCustomers.complaintId, after), stale)).orderBy(asc(complaintCustomers.complaintId)).limit(batchSize).for('update');
      if (rows.length === 0) return true;
      for (const row of rows) {
        after = row.complaintId;
        const reseal = (sealed: string, field: 'name' | 'phone' | 'idNumber') => cipher.encrypt(cipher.decrypt(sealed, piiContext(row.complaintId, field)), piiContext(row.complaintId, field));
        try {
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
