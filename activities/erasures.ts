import { verifyEntityChain } from '../audit/verify.js';
import type { Database } from '../db/client.js';
import { customerRowsReadable, customersPastRetention, erasureFacts, executeErasure, writeErasureRecord, type ErasureRecord } from '../db/erasures.js';
import { readPolicy } from '../db/settings.js';
import { elapsedMs } from '../domain/duration.js';
import { pastRetention } from '../domain/erasure/rules.js';
import type { ErasureFacts, ErasurePolicy, ErasureProof } from '../domain/erasure/types.js';
import type { TransitionRecord } from '../domain/trail.js';
import { appendLedger } from '../security/erasure-ledger.js';
import type { PiiCipher } from '../security/pii.js';

export interface ErasureActivityDeps {
  /** The PII keyring: the verification tries to open the customer's rows with it. */
  cipher?: PiiCipher;
  /** The erasure ledger file outside the database (docs/operations.md "Erasures and restores"); unset: none kept. */
  ledgerPath?: string;
}

/**
 * Side effects of the erasure family: the facts a request is checked against, its execution
 * (the customer's data keys destroyed, the ledger appended), its verification, the retention
 * sweep's look at the customers, and the record of each step.
 */
export function erasureActivities(db: Database, deps: ErasureActivityDeps) {
  return {
    async erasureFacts({ customerRef }: { customerRef: string }): Promise<ErasureFacts> {
      return erasureFacts(db, customerRef);
    },

    /** Whether the customer is past retention now (a request of the retention sweep checks this first). */
    async retentionDue({ customerRef, retention }: { customerRef: string; retention: ErasurePolicy['retention'] }): Promise<boolean> {
      const facts = await erasureFacts(db, customerRef);
      return pastRetention(facts.complaints, Date.now(), elapsedMs(retention));
    },

    /** Destroys the customer's data keys (idempotent) and appends the erasure to the ledger. */
    async executeErasure({ erasureId, customerRef }: { erasureId: string; customerRef: string }): Promise<{ dataKeyIds: string[]; rowsOverwritten: number; ledger: ErasureProof['ledger']; executedAt: string }> {
      const at = new Date();
      const done = await executeErasure(db, { erasureId, customerRef, at });
      const ledger = deps.ledgerPath ? appendLedger(deps.ledgerPath, { erasureId, customerRef, dataKeyIds: done.dataKeyIds, at: at.toISOString() }) : 'not_configured';
      return { ...done, ledger, executedAt: at.toISOString() };
    },

    /**
     * The proof: the erasure's audit chain and each of the customer's complaints' chains verify
     * (audit/verify.ts), and none of the customer's stored rows opens with the configured keys.
     */
    async proveErasure(e: { erasureId: string; customerRef: string; executed: { dataKeyIds: string[]; rowsOverwritten: number; ledger: ErasureProof['ledger']; executedAt: string } }): Promise<ErasureProof> {
      if (!deps.cipher) throw new Error('the erasure verification needs the PII keyring (ActivityDeps.cipher)');
      const rows = await customerRowsReadable(db, deps.cipher, e.customerRef);
      const chains = [{ type: 'erasure', id: e.erasureId }, ...rows.complaintIds.map((id) => ({ type: 'complaint', id }))];
      let firstBroken: string | undefined;
      for (const c of chains) {
        const v = await verifyEntityChain(db, c.type, c.id);
        if (!v.ok && firstBroken === undefined) firstBroken = `${c.type}/${c.id}`;
      }
      const chainResult = { checked: chains.length, ok: firstBroken === undefined, ...(firstBroken ? { firstBroken } : {}) };
      return {
        dataKeysDestroyed: e.executed.dataKeyIds,
        rowsOverwritten: e.executed.rowsOverwritten,
        rowsChecked: rows.checked,
        rowsStillReadable: rows.readable,
        chains: chainResult,
        ledger: e.executed.ledger,
        executedAt: e.executed.executedAt,
        verifiedAt: new Date().toISOString(),
        ok: rows.readable === 0 && chainResult.ok,
      };
    },

    /** The retention sweep's look: the policy in force and the customers past retention at `asOf`. */
    async sweepRetention({ asOf }: { asOf: string }): Promise<{ customers: string[]; policy: ErasurePolicy; policyVersion: number }> {
      const { value: policy, version } = await readPolicy(db, 'erasure');
      return { customers: await customersPastRetention(db, new Date(asOf), elapsedMs(policy.retention)), policy, policyVersion: version };
    },

    async recordErasure(input: { erasure: ErasureRecord } & TransitionRecord): Promise<void> {
      await writeErasureRecord(db, input);
    },
  };
}
