import { spawn } from 'node:child_process';

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
  const child = spawn(opts.binPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      opts.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  // Never leave a Mailpit behind when this process ends, however it ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const uiUrl = `http://${host}:${opts.httpPort}`;
  const ready = await Promise.race([waitForReady(uiUrl, 30_000), exited.then(() => false)]);
  if (ready !== true) {
    child.kill('SIGKILL');
    throw new Error(`Mailpit did not start (SMTP ${host}:${opts.smtpPort}, HTTP ${uiUrl}):\n${output.join('\n')}`);
  }
  return {
    smtpUrl: `smtp://${host}:${opts.smtpPort}`,
    uiUrl,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
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
