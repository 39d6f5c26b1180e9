import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { proofMessage, type CommandProof, type ProofScope } from '../domain/command-proof.js';

/**
 * The API's side of command proofs (domain/command-proof.ts): an Ed25519 private key that signs
 * every command sent to a workflow. Keys are written as `<keyId>:<base64url of 32 bytes>` — the
 * private key's seed (COMMAND_SIGNING_KEY) or the public key (COMMAND_VERIFY_KEYS, a
 * comma-separated list, so that a worker accepts an old and a new key during a rotation).
 */
const keyIdPattern = /^[A-Za-z0-9_.-]{1,64}$/;
// PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed.
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
  /** The raw 32-byte public key, hex (as built into the workflow bundle). */
  publicKeyHex: string;
}

function splitKey(text: string, what: string): { keyId: string; bytes: Buffer } {
  const at = text.indexOf(':');
  const keyId = text.slice(0, at);
  const bytes = Buffer.from(text.slice(at + 1), 'base64url');
  if (at < 1 || !keyIdPattern.test(keyId) || bytes.length !== 32) throw new Error(`${what} must be <keyId>:<base64url of 32 bytes> (keyId: letters, digits, _ . -)`);
  return { keyId, bytes };
}

export function parseSigningKey(text: string): SigningKey {
  const { keyId, bytes } = splitKey(text.trim(), 'COMMAND_SIGNING_KEY');
  const privateKey = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, bytes]), format: 'der', type: 'pkcs8' });
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { keyId, privateKey, publicKeyHex: Buffer.from(jwk.x!, 'base64url').toString('hex') };
}

/** `keyId → public key (hex)` from `<keyId>:<base64url>,…`. */
export function parseVerifyKeys(text: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const item of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const { keyId, bytes } = splitKey(item, 'COMMAND_VERIFY_KEYS');
    keys[keyId] = bytes.toString('hex');
  }
  return keys;
}

/** A new key as COMMAND_SIGNING_KEY writes it, with a key id derived from its public key. */
export function generateSigningKey(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const keyId = `k-${createHash('sha256').update(Buffer.from(jwk.x!, 'base64url')).digest('hex').slice(0, 12)}`;
  return `${keyId}:${jwk.d}`;
}

/** The COMMAND_VERIFY_KEYS entry of a signing key. */
export function verifyKeyOf(key: SigningKey): string {
  return `${key.keyId}:${Buffer.from(key.publicKeyHex, 'hex').toString('base64url')}`;
}

export class CommandSigner {
  constructor(private readonly key: SigningKey) {}

  get keyId(): string {
    return this.key.keyId;
  }

  /**
   * The command with its `proof`. The command is signed as the workflow will read it: as JSON
   * (members that are undefined are not sent).
   */
  sign<C extends object>(scope: ProofScope, command: C, now = Date.now()): C & { proof: CommandProof } {
    const issuedAt = new Date(now).toISOString();
    const asSent = JSON.parse(JSON.stringify(command)) as unknown;
    const signature = sign(null, Buffer.from(proofMessage(scope, this.key.keyId, issuedAt, asSent), 'utf8'), this.key.privateKey).toString('hex');
    const proof: CommandProof = { keyId: this.key.keyId, issuedAt, signature };
    return { ...command, proof };
  }
}
