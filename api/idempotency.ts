import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { canonicalJson, sha256hex } from '../db/canonical.js';
import type { Database } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';
import type { PiiCipher } from '../security/pii.js';
import { badRequest, conflict } from './problem.js';

/**
 * `Idempotency-Key` for state-changing POSTs (docs/http-contract.md Conventions): a retry with the same key and
 * body returns the first answer and changes nothing; the same key with another body → 409.
 * A claim whose request died mid-flight (API killed) is taken over after `staleAfterMs`, so the
 * retry runs again; handlers derive their ids from the key so that second run finds the first's
 * work instead of doing it twice.
 *
 * Stored answers are sealed with the PII cipher when one is given (the app always gives one): an
 * answer may carry customer PII in clear for its caller (a complaint for its own agent), and the
 * table must not keep it readable at rest (docs/business-rules.md §3). Rows stored unsealed are still read.
 */
export interface StoredAnswer {
  status: number;
  body: unknown;
}

export type Claim = { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer };

const keyPattern = /^[\x21-\x7e]{1,200}$/;

export function requestHash(route: string, body: unknown): string {
  return sha256hex(route + '\n' + canonicalJson(body ?? null));
}

export class IdempotencyStore {
  constructor(
    private readonly db: Database,
    private readonly staleAfterMs = 30_000,
    private readonly cipher?: PiiCipher,
  ) {}

  private seal(principal: string, key: string, body: unknown): unknown {
    if (!this.cipher) return body;
    return { sealed: this.cipher.encrypt(JSON.stringify(body ?? null), sealContext(principal, key)) };
  }

  private open(principal: string, key: string, stored: unknown): unknown {
    const sealed = (stored as { sealed?: unknown } | null)?.sealed;
    if (!this.cipher || typeof sealed !== 'string') return stored;
    return JSON.parse(this.cipher.decrypt(sealed, sealContext(principal, key))) as unknown;
  }

  async claim(principal: string, key: string, route: string, body: unknown): Promise<Claim> {
    if (!keyPattern.test(key)) throw badRequest('Idempotency-Key must be 1–200 visible ASCII characters');
    const hash = requestHash(route, body);
    const inserted = await this.db
      .insert(idempotencyKeys)
      .values({ principal, key, route, requestHash: hash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { kind: 'new' };

    const [row] = await this.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
    if (!row) return this.claim(principal, key, route, body);
    if (row.requestHash !== hash) {
      throw conflict(`Idempotency-Key "${key}" was already used with a different request`);
    }
    if (row.status !== null) return { kind: 'replay', answer: { status: row.status, body: this.open(principal, key, row.body) } };
    // Still in flight: take it over only when the first attempt is clearly dead.
    const taken = await this.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now()` })
      .where(
        and(
          eq(idempotencyKeys.principal, principal),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, sql`now() - make_interval(secs => ${this.staleAfterMs / 1000})`),
        ),
      )
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) return { kind: 'new' };
    throw conflict(`a request with Idempotency-Key "${key}" is still being processed; retry shortly`);
  }

  async complete(principal: string, key: string, answer: StoredAnswer): Promise<void> {
    await this.db
      .update(idempotencyKeys)
      .set({ status: answer.status, body: this.seal(principal, key, answer.body) as never })
      .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  }

  /** A failed attempt (5xx) releases the key so the client's retry runs again. */
  async release(principal: string, key: string): Promise<void> {
    await this.db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  }
}

const sealContext = (principal: string, key: string) => `idempotency:${principal}:${key}`;

/**
 * The id a handler derives from an Idempotency-Key: the same (purpose, caller, key) always gives
 * the same id, so a retry after a crash or a timeout lands on the same entity (a creation's id)
 * or the same Temporal update (a command's update id), which Temporal applies once. A UUID
 * (version 8, RFC 9562 "custom") from sha256 of the three.
 */
export function idFromKey(purpose: string, principal: string, key: string): string {
  const h = createHash('sha256').update(`${purpose}\n${principal}\n${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
