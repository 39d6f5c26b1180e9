import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openValue, erasedTombstone, type KeyState } from '../../../db/customer-keys.js';
import { appendLedger, LedgerBroken, readLedger } from '../../../security/erasure-ledger.js';
import { dataKeyIdOf, newDataKey, openUnderDataKey, PiiCipher, PiiErased, piiKeyId, PiiUnreadable, sealUnderDataKey } from '../../../security/pii.js';

describe('customer data keys (envelope encryption)', () => {
  const master = randomBytes(32);
  const cipher = new PiiCipher(master);

  it('seals under a data key as v3.<dataKeyId>.…, which names the key and opens only with it and its context', () => {
    const dk = newDataKey();
    expect(dk.key).toHaveLength(32);
    expect(dk.id).not.toContain('.');
    const sealed = sealUnderDataKey(dk, '13812345678', 'c1:phone');
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed.startsWith(`v3.${dk.id}.`)).toBe(true);
    expect(dataKeyIdOf(sealed)).toBe(dk.id);
    expect(openUnderDataKey(dk.key, sealed, 'c1:phone')).toBe('13812345678');
    expect(() => openUnderDataKey(dk.key, sealed, 'c2:phone')).toThrow(PiiUnreadable);
    expect(() => openUnderDataKey(newDataKey().key, sealed, 'c1:phone')).toThrow(PiiUnreadable);
    // Two seals of one value differ (fresh IV); the master keyring alone never opens a v3 value.
    expect(sealUnderDataKey(dk, '13812345678', 'c1:phone')).not.toBe(sealed);
    expect(() => cipher.decrypt(sealed, 'c1:phone')).toThrow(PiiUnreadable);
    expect(dataKeyIdOf(cipher.encrypt('x', 'c'))).toBeUndefined();
  });

  it('wraps a data key under the master key, bound to its row (id and customer); unwraps it back', () => {
    const dk = newDataKey();
    const wrapped = cipher.wrapDataKey(dk.key, dk.id, 'cust-1');
    expect(wrapped.startsWith(`v2.${piiKeyId(master)}.`)).toBe(true);
    expect(wrapped).not.toContain(dk.key.toString('base64url'));
    expect(cipher.unwrapDataKey(wrapped, dk.id, 'cust-1').equals(dk.key)).toBe(true);
    // Moved to another row or customer: does not unwrap.
    expect(() => cipher.unwrapDataKey(wrapped, 'other-id', 'cust-1')).toThrow(PiiUnreadable);
    expect(() => cipher.unwrapDataKey(wrapped, dk.id, 'cust-2')).toThrow(PiiUnreadable);
    // Another master key: does not unwrap.
    expect(() => new PiiCipher(randomBytes(32)).unwrapDataKey(wrapped, dk.id, 'cust-1')).toThrow(PiiUnreadable);
    expect(() => cipher.wrapDataKey(randomBytes(16), dk.id, 'cust-1')).toThrow();
  });

  it('rewraps under a new master key without touching the values: the previous key unwraps, the new one wraps', () => {
    const dk = newDataKey();
    const sealed = sealUnderDataKey(dk, '张三丰', 'c1:name');
    const wrappedOld = cipher.wrapDataKey(dk.key, dk.id, 'cust-1');
    const next = randomBytes(32);
    const ring = new PiiCipher(next, [master]);
    const rewrapped = ring.wrapDataKey(ring.unwrapDataKey(wrappedOld, dk.id, 'cust-1'), dk.id, 'cust-1');
    expect(ring.keyIdOf(rewrapped)).toBe(piiKeyId(next));
    // Once the old master key is dropped, the rewrapped key still opens the untouched value.
    const after = new PiiCipher(next);
    expect(openUnderDataKey(after.unwrapDataKey(rewrapped, dk.id, 'cust-1'), sealed, 'c1:name')).toBe('张三丰');
    expect(() => after.unwrapDataKey(wrappedOld, dk.id, 'cust-1')).toThrow(PiiUnreadable);
  });

  it('opens stored values by kind: v3 through its loaded key, erased keys and tombstones as erased, v2 through the keyring', () => {
    const dk = newDataKey();
    const gone = newDataKey();
    const keys = new Map<string, KeyState>([
      [dk.id, dk.key],
      [gone.id, 'erased'],
    ]);
    expect(openValue(cipher, keys, sealUnderDataKey(dk, 'a', 'c:name'), 'c:name')).toBe('a');
    expect(() => openValue(cipher, keys, sealUnderDataKey(gone, 'b', 'c:name'), 'c:name')).toThrow(PiiErased);
    expect(() => openValue(cipher, keys, erasedTombstone('e1'), 'c:name')).toThrow(PiiErased);
    expect(openValue(cipher, keys, cipher.encrypt('c', 'c:name'), 'c:name')).toBe('c');
    // A key not loaded or not unwrappable: unreadable, not erased.
    const missing = newDataKey();
    let caught: unknown;
    try {
      openValue(cipher, keys, sealUnderDataKey(missing, 'd', 'c:name'), 'c:name');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(PiiUnreadable);
    expect(caught).not.toBeInstanceOf(PiiErased);
  });
});

describe('the erasure ledger', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-ledger-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends once per erasure, chained by checksums; an edited, reordered or truncated-in-the-middle ledger is detected', () => {
    const file = path.join(dir, 'sub', 'ledger.jsonl');
    expect(readLedger(file)).toEqual([]);
    expect(appendLedger(file, { erasureId: 'e1', customerRef: 'c1', dataKeyIds: ['k2', 'k1'], at: '2026-12-01T00:00:00.000Z' })).toBe('appended');
    expect(appendLedger(file, { erasureId: 'e1', customerRef: 'c1', dataKeyIds: ['k1'], at: '2026-12-01T00:00:01.000Z' })).toBe('already_there');
    expect(appendLedger(file, { erasureId: 'e2', customerRef: 'c2', dataKeyIds: [], at: '2026-12-02T00:00:00.000Z' })).toBe('appended');
    expect(appendLedger(file, { erasureId: 'e3', customerRef: 'c3', dataKeyIds: ['k3'], at: '2026-12-03T00:00:00.000Z' })).toBe('appended');
    const lines = readLedger(file);
    expect(lines.map((l) => l.erasureId)).toEqual(['e1', 'e2', 'e3']);
    expect(lines[0]!.dataKeyIds).toEqual(['k1', 'k2']);
    expect(lines[1]!.prev).toBe(lines[0]!.hash);

    const text = readFileSync(file, 'utf8');
    const [a, b, c] = text.trim().split('\n') as [string, string, string];
    writeFileSync(file, text.replace('"c2"', '"cX"'));
    expect(() => readLedger(file)).toThrow(LedgerBroken);
    writeFileSync(file, [a, c, b].join('\n') + '\n');
    expect(() => readLedger(file)).toThrow(LedgerBroken);
    writeFileSync(file, [a, c].join('\n') + '\n');
    expect(() => readLedger(file)).toThrow(/does not follow/);
    writeFileSync(file, text);
    expect(readLedger(file)).toHaveLength(3);
  });

  it('accepts two workers appending at the same moment (both lines name the same line above), and still detects a removed line', () => {
    const file = path.join(dir, 'forked.jsonl');
    appendLedger(file, { erasureId: 'f1', customerRef: 'c1', dataKeyIds: ['k1'], at: '2026-12-01T00:00:00.000Z' });
    // Two writers read the ledger at once: both link their line to f1.
    const base = readFileSync(file, 'utf8');
    appendLedger(file, { erasureId: 'f2', customerRef: 'c2', dataKeyIds: ['k2'], at: '2026-12-01T00:00:01.000Z' });
    const withF2 = readFileSync(file, 'utf8');
    writeFileSync(file, base);
    appendLedger(file, { erasureId: 'f3', customerRef: 'c3', dataKeyIds: ['k3'], at: '2026-12-01T00:00:01.000Z' });
    const f3 = readFileSync(file, 'utf8').slice(base.length);
    writeFileSync(file, withF2 + f3);
    const lines = readLedger(file);
    expect(lines.map((l) => l.erasureId)).toEqual(['f1', 'f2', 'f3']);
    expect(lines[1]!.prev).toBe(lines[0]!.hash);
    expect(lines[2]!.prev).toBe(lines[0]!.hash);
    // The next append links to the last line; removing f1, which both name, is detected.
    appendLedger(file, { erasureId: 'f4', customerRef: 'c4', dataKeyIds: [], at: '2026-12-01T00:00:02.000Z' });
    expect(readLedger(file)).toHaveLength(4);
    writeFileSync(file, readFileSync(file, 'utf8').split('\n').slice(1).join('\n'));
    expect(() => readLedger(file)).toThrow(/does not follow a line above/);
  });
});
