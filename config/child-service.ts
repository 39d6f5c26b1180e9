import { spawn, type ChildProcess } from 'node:child_process';

/**
 * A service binary run as a child of this process (the Temporal dev server, Mailpit): started,
 * its last 50 output lines kept for the error that says why it did not come up, killed when this
 * process ends however it ends, and stopped with SIGTERM (SIGKILL after 10 s).
 */
export interface ChildService {
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface ChildServiceOptions {
  /** How the error names it: "<name> did not start". */
  name: string;
  command: string;
  args: string[];
  onOutput?: (line: string) => void;
  /** Resolves true once the service answers; false or a throw means it did not come up. */
  ready: () => Promise<boolean>;
}

export async function startChildService(o: ChildServiceOptions): Promise<ChildService> {
  const child = spawn(o.command, o.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      o.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  let ready: boolean;
  let cause = '';
  try {
    ready = await Promise.race([o.ready(), exited.then(() => false)]);
  } catch (err) {
    ready = false;
    cause = ` (${err instanceof Error ? err.message : String(err)})`;
  }
  if (!ready) {
    child.kill('SIGKILL');
    throw new Error(`${o.name} did not start${cause}:\n${output.join('\n')}`);
  }
  return {
    process: child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
