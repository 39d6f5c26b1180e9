import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config/config.js';
import { temporalTarget } from '../../../temporal/connection.js';

/** The settings that move cxgov from the dev server to a real cluster or Temporal Cloud. */
describe('Temporal connection settings', () => {
  it('connects in plain text to the dev server when nothing is configured', () => {
    const target = temporalTarget(loadConfig({}), '127.0.0.1:7233');
    expect(target).toEqual({ address: '127.0.0.1:7233', namespace: 'default', tls: undefined, apiKey: undefined });
  });

  it('turns TLS on for an API key (Temporal Cloud) and keeps the namespace', () => {
    const target = temporalTarget(loadConfig({ TEMPORAL_API_KEY: 'key-123', TEMPORAL_NAMESPACE: 'bank.a1b2c' }), 'bank.a1b2c.tmprl.cloud:7233');
    expect(target.apiKey).toBe('key-123');
    expect(target.namespace).toBe('bank.a1b2c');
    expect(target.tls).toMatchObject({ clientCertPair: undefined, serverRootCACertificate: undefined });
  });

  it('reads the mTLS client certificate, key and CA from the configured files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cxgov-tls-'));
    for (const f of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(path.join(dir, f), `-----${f}-----`);
    const target = temporalTarget(
      loadConfig({
        TEMPORAL_TLS_CERT_PATH: path.join(dir, 'client.pem'),
        TEMPORAL_TLS_KEY_PATH: path.join(dir, 'client.key'),
        TEMPORAL_TLS_CA_PATH: path.join(dir, 'ca.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.bank.internal',
      }),
      'temporal.bank.internal:7233',
    );
    const tls = target.tls as { clientCertPair: { crt: Buffer; key: Buffer }; serverRootCACertificate: Buffer; serverNameOverride: string };
    expect(tls.clientCertPair.crt.toString()).toBe('-----client.pem-----');
    expect(tls.clientCertPair.key.toString()).toBe('-----client.key-----');
    expect(tls.serverRootCACertificate.toString()).toBe('-----ca.pem-----');
    expect(tls.serverNameOverride).toBe('temporal.bank.internal');
  });

  it('refuses an invalid setting with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });
});
