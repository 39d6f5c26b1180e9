import { readFileSync } from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { Config } from '../config/config.js';
import { requestIdClientInterceptor } from './request-context.js';

/**
 * Connection settings shared by the API's client and the worker: address, namespace, mTLS or
 * API key — the same settings run against a self-hosted cluster or Temporal Cloud.
 */
export interface TemporalTarget {
  address: string;
  namespace: string;
  tls?: ConnectionOptions['tls'];
  apiKey?: string;
}

export function temporalTarget(config: Config, address: string): TemporalTarget {
  const useTls = config.TEMPORAL_TLS === 'true' || Boolean(config.TEMPORAL_TLS_CERT_PATH) || Boolean(config.TEMPORAL_API_KEY);
  const tls = useTls
    ? {
        serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
        serverRootCACertificate: config.TEMPORAL_TLS_CA_PATH ? readFileSync(config.TEMPORAL_TLS_CA_PATH) : undefined,
        clientCertPair:
          config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH
            ? { crt: readFileSync(config.TEMPORAL_TLS_CERT_PATH), key: readFileSync(config.TEMPORAL_TLS_KEY_PATH) }
            : undefined,
      }
    : undefined;
  return { address, namespace: config.TEMPORAL_NAMESPACE, tls, apiKey: config.TEMPORAL_API_KEY };
}

export async function connectClient(target: TemporalTarget): Promise<Client> {
  const connection = await Connection.connect({ address: target.address, tls: target.tls, apiKey: target.apiKey } as ConnectionOptions);
  // Starts, updates and signals made while serving an API request carry its id (temporal/request-context.ts).
  return new Client({ connection, namespace: target.namespace, interceptors: { workflow: [requestIdClientInterceptor()] } });
}

export async function connectWorkerConnection(target: TemporalTarget): Promise<NativeConnection> {
  return NativeConnection.connect({ address: target.address, tls: target.tls, apiKey: target.apiKey } as NativeConnectionOptions);
}
