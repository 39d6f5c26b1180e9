import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { commandSigningKey, commandVerifyKeys } from '../../../config/secrets.js';
import { proofMessage } from '../../../domain/command-proof.js';
import { CommandSigner, generateSigningKey, parseSigningKey, parseVerifyKeys, verifyKeyOf } from '../../../security/command-signing.js';

/** Command-signing keys: configured or generated under DATA_DIR, and what the workflows verify. */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-keys-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('command-signing keys', () => {
  it('are generated once under DATA_DIR when not configured, and the worker derives the public key', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const key = commandSigningKey(config);
    expect(commandSigningKey(config).publicKeyHex).toBe(key.publicKeyHex);
    expect(readFileSync(path.join(dataDir, 'command-signing-key'), 'utf8')).toMatch(/^k-[0-9a-f]{12}:[\w-]{43}\n$/);
    expect(commandVerifyKeys(config)).toEqual({ [key.keyId]: key.publicKeyHex });
  });

  it('are configurable, with several verify keys for a rotation', () => {
    const a = generateSigningKey();
    const b = generateSigningKey();
    const verify = [a, b].map((k) => verifyKeyOf(parseSigningKey(k))).join(',');
    const config = loadConfig({ DATA_DIR: dataDir, COMMAND_SIGNING_KEY: b, COMMAND_VERIFY_KEYS: verify });
    expect(commandSigningKey(config).keyId).toBe(b.split(':')[0]);
    expect(Object.keys(commandVerifyKeys(config))).toEqual([a.split(':')[0], b.split(':')[0]]);
  });

  it('refuse malformed key text, naming the setting', () => {
    expect(() => parseSigningKey('no-colon')).toThrow(/COMMAND_SIGNING_KEY/);
    expect(() => parseSigningKey('k1:dG9vIHNob3J0')).toThrow(/32 bytes/);
    expect(() => parseVerifyKeys('bad id!:AAAA')).toThrow(/COMMAND_VERIFY_KEYS/);
  });

  it('sign what @noble/curves verifies (the workflow side), over the command as JSON', () => {
    const key = parseSigningKey(generateSigningKey());
    const scope = { workflowId: 'complaint-1', name: 'respond', updateId: 'u-1' };
    const signed = new CommandSigner(key).sign(scope, { actor: { userId: 'cai', name: '蔡', roles: ['cs_agent'] }, message: 'hi 😀', skipped: undefined });
    const message = new TextEncoder().encode(proofMessage(scope, key.keyId, signed.proof.issuedAt, JSON.parse(JSON.stringify(signed))));
    const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
    expect(ed25519.verify(hex(signed.proof.signature), message, hex(key.publicKeyHex))).toBe(true);
    const altered = new TextEncoder().encode(proofMessage(scope, key.keyId, signed.proof.issuedAt, { ...signed, message: 'ho' }));
    expect(ed25519.verify(hex(signed.proof.signature), altered, hex(key.publicKeyHex))).toBe(false);
  });
});
