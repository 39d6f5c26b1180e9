import type { ChildProcess } from 'node:child_process';

/**
 * Stops `child` with `signal` (SIGTERM, or SIGINT for Ctrl-C), SIGKILL after `graceMs` so a stuck
 * shutdown cannot hold the run; resolves with the exit code (null when a signal ended it).
 */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals, graceMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill(signal);
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  try {
    return await exited;
  } finally {
    clearTimeout(killer);
  }
}
