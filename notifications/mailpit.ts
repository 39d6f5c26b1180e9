import { startChildService } from '../config/child-service.js';

/**
 * Starts Mailpit (an SMTP server with a web inbox and an HTTP API) as a child process and waits
 * until it answers. The embedded mail server of `npm start` (messages kept in a file under
 * DATA_DIR) and of the test suite (in memory, free ports). It ignores a message whose Message-ID
 * it already holds, which is what makes a repeated send after a crash harmless.
 */
export interface MailpitOptions {
  binPath: string;
  smtpPort: number;
  httpPort: number;
  /** SQLite file for the messages; omitted → in memory. */
  dbFile?: string;
  /** Extra flags (e.g. --smtp-allowed-recipients for a test). */
  extraArgs?: string[];
  /** Accept any SMTP login, or none (default true); false when `extraArgs` names an auth file. */
  acceptAnyAuth?: boolean;
  onOutput?: (line: string) => void;
}

export interface Mailpit {
  smtpUrl: string;
  /** The web inbox and the HTTP API (`<uiUrl>/api/v1/...`). */
  uiUrl: string;
  stop(): Promise<void>;
}

export async function startMailpit(opts: MailpitOptions): Promise<Mailpit> {
  const host = '127.0.0.1';
  const args = [
    '--smtp', `${host}:${opts.smtpPort}`,
    '--listen', `${host}:${opts.httpPort}`,
    '--ignore-duplicate-ids',
    '--disable-version-check',
    ...(opts.acceptAnyAuth === false ? [] : ['--smtp-auth-accept-any', '--smtp-auth-allow-insecure']),
    '--max', '5000',
    '--quiet',
    ...(opts.dbFile ? ['--database', opts.dbFile] : []),
    ...(opts.extraArgs ?? []),
  ];
  const uiUrl = `http://${host}:${opts.httpPort}`;
  const service = await startChildService({
    name: `Mailpit (SMTP ${host}:${opts.smtpPort}, HTTP ${uiUrl})`,
    command: opts.binPath,
    args,
    ...(opts.onOutput ? { onOutput: opts.onOutput } : {}),
    ready: () => waitForReady(uiUrl, 30_000),
  });
  return { smtpUrl: `smtp://${host}:${opts.smtpPort}`, uiUrl, stop: service.stop };
}

async function waitForReady(uiUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${uiUrl}/readyz`, { signal: AbortSignal.timeout(1_000) })).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return false;
}
