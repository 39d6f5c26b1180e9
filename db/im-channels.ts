import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../domain/actor.js';
import type { PiiCipher } from '../security/pii.js';
import { appendAuditEvent } from './audit.js';
import type { Database, Transaction } from './client.js';
import { imChannels } from './schema/index.js';

/**
 * Enterprise IM group robots, one per department or for the committee (docs/notifications.md
 * "Enterprise IM"). The signing secret is sealed at rest and never read back through the API;
 * changes are audited (entity `im_channel`) without it.
 */
export const imFlavors = ['wecom', 'dingtalk', 'feishu', 'generic'] as const;
export type ImFlavor = (typeof imFlavors)[number];
export const imScopes = ['department', 'committee'] as const;
export type ImScope = (typeof imScopes)[number];

export interface ImChannelInput {
  scope: ImScope;
  /** The department's name; ignored (always 'committee') for the committee. */
  target: string;
  flavor: ImFlavor;
  url: string;
  /** Omitted → the stored secret is kept; null → removed. */
  secret?: string | null;
  enabled: boolean;
}

/** A channel as administrators see it: the secret's presence, never its value. */
export interface ImChannelView {
  id: string;
  scope: ImScope;
  target: string;
  flavor: ImFlavor;
  url: string;
  hasSecret: boolean;
  enabled: boolean;
  updatedAt: string;
  updatedBy: string;
}

/** A channel as the sender needs it, secret unsealed. */
export interface ImChannelTarget {
  id: string;
  flavor: ImFlavor;
  url: string;
  secret: string | null;
  enabled: boolean;
}

/** The sealing context of a channel's secret (db/pii-keys.ts re-seals under it too). */
export const secretContext = (id: string) => `im-channel:${id}:secret`;

function view(row: typeof imChannels.$inferSelect): ImChannelView {
  return {
    id: row.id,
    scope: row.scope as ImScope,
    target: row.target,
    flavor: row.flavor as ImFlavor,
    url: row.url,
    hasSecret: row.secretEnc !== null,
    enabled: row.enabled,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The URL without its query (DingTalk and WeCom put the robot's token there): what the audit trail keeps. */
const auditUrl = (url: string) => url.replace(/[?#].*$/, '');
const auditFields = (v: ImChannelView | undefined) => (v ? { scope: v.scope, target: v.target, flavor: v.flavor, url: auditUrl(v.url), hasSecret: v.hasSecret, enabled: v.enabled } : null);

export async function listImChannels(db: Database): Promise<ImChannelView[]> {
  return (await db.select().from(imChannels).orderBy(asc(imChannels.id))).map(view);
}

export type ImChannelWrite = { kind: 'ok'; channel: ImChannelView } | { kind: 'target_taken'; by: string };

/** Creates or replaces a channel; one channel per department (and one for the committee). */
export async function writeImChannel(db: Database, cipher: PiiCipher, id: string, input: ImChannelInput, actor: Pick<Actor, 'userId' | 'roles'>): Promise<ImChannelWrite> {
  const target = input.scope === 'committee' ? 'committee' : input.target;
  return db.transaction(async (tx) => {
    const [other] = await tx.select({ id: imChannels.id }).from(imChannels).where(and(eq(imChannels.scope, input.scope), eq(imChannels.target, target)));
    if (other && other.id !== id) return { kind: 'target_taken', by: other.id };
    const [locked] = await tx.select().from(imChannels).where(eq(imChannels.id, id)).for('update');
    const secretEnc = input.secret === undefined ? (locked?.secretEnc ?? null) : input.secret === null ? null : cipher.encrypt(input.secret, secretContext(id));
    const values = { scope: input.scope, target, flavor: input.flavor, url: input.url, secretEnc, enabled: input.enabled, updatedBy: actor.userId, updatedAt: new Date() };
    const [row] = await tx.insert(imChannels).values({ id, ...values }).onConflictDoUpdate({ target: imChannels.id, set: values }).returning();
    const after = view(row!);
    await appendAuditEvent(tx, {
      entityType: 'im_channel',
      entityId: id,
      sourceKey: `im_channel:${id}:${randomUUID()}`,
      actor: actor.userId,
      roles: actor.roles,
      action: locked ? 'im_channel.updated' : 'im_channel.created',
      at: new Date(),
      before: auditFields(locked ? view(locked) : undefined),
      after: { ...auditFields(after), secretChanged: input.secret !== undefined },
    });
    return { kind: 'ok', channel: after };
  });
}

/** Enabled channels by scope key (`department:<name>`, `committee`), for routing. */
export async function imGroups(db: Database | Transaction): Promise<Map<string, string>> {
  const rows = await db.select({ id: imChannels.id, scope: imChannels.scope, target: imChannels.target }).from(imChannels).where(eq(imChannels.enabled, true));
  return new Map(rows.map((r) => [r.scope === 'committee' ? 'committee' : `department:${r.target}`, r.id]));
}

/** One channel with its secret unsealed, at send time. */
export async function imChannelTarget(db: Database, cipher: PiiCipher, id: string): Promise<ImChannelTarget | undefined> {
  const [row] = await db.select().from(imChannels).where(eq(imChannels.id, id));
  if (!row) return undefined;
  return { id: row.id, flavor: row.flavor as ImFlavor, url: row.url, secret: row.secretEnc ? cipher.decrypt(row.secretEnc, secretContext(row.id)) : null, enabled: row.enabled };
}
