import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';

/**
 * One long-running process kept alive the way systemd's `Restart=always` keeps it: when it dies
 * unasked it is started again after a second, unless it keeps dying within seconds of each start:
 * then the wait doubles each time (a database still coming up), and after five such deaths (half a
 * minute) it is given up and reported (a configuration error, not a crash). Output goes to a log
 * file, since a Temporal service logs far more than a terminal should show.
 */
export type SupervisorEvent =
  | { kind: 'exited'; name: string; pid: number | undefined; code: number | null; signal: NodeJS.Signals | null }
  | { kind: 'restarted'; name: string; pid: number | undefined }
  | { kind: 'gave-up'; name: string; reason: string };

export interface SupervisedProcess {
  readonly name: string;
  readonly logFile: string;
  /** The current process id (changes at each restart). */
  pid(): number | undefined;
  /** How many times it was started again after dying. */
  restarts(): number;
  /** Whether a process is up now (false between a death and its restart). */
  running(): boolean;
  /** Whether it kept dying at start and is no longer restarted. */
  gaveUp(): boolean;
  /** The end of its log. */
  logTail(chars?: number): string;
  /** SIGTERM, SIGKILL after `graceMs`; no restart afterwards. */
  stop(graceMs?: number): Promise<void>;
}

export interface SuperviseOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  onEvent?: (event: SupervisorEvent) => void;
  /** A process dying this soon after its start counts toward giving up (default 10 s). */
  quickDeathMs?: number;
}

/** The first restart after a second, doubling while it keeps dying at start (1, 2, 4, 8 s…). */
const restartDelayMs = 1_000;

/** Every supervised process of this Node process that has not been stopped. */
const live = new Set<SupervisedProcess>();
/** Never leave a service behind when the supervising process ends, however it ends. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Stops every supervised process (Ctrl-C while a cluster is still starting). */
export async function stopAllSupervised(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop()));
}
const quickDeathsBeforeGivingUp = 5;

export function supervise(opts: SuperviseOptions): SupervisedProcess {
  const log: WriteStream = createWriteStream(opts.logFile, { flags: 'a' });
  const quickDeathMs = opts.quickDeathMs ?? 10_000;
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let quickDeaths = 0;
  let gaveUp = false;
  let exited: Promise<void> = Promise.resolve();
  let restartTimer: NodeJS.Timeout | undefined;

  const start = () => {
    const startedAt = Date.now();
    log.write(`\n=== ${new Date().toISOString()} starting ${opts.command} ${opts.args.join(' ')}\n`);
    const c = spawn(opts.command, opts.args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    children.add(c);
    c.stdout!.pipe(log, { end: false });
    c.stderr!.pipe(log, { end: false });
    exited = new Promise((resolve) =>
      c.once('exit', (code, signal) => {
        children.delete(c);
        log.write(`=== ${new Date().toISOString()} exited (code ${code}, signal ${signal})\n`);
        resolve();
        if (stopping) return;
        opts.onEvent?.({ kind: 'exited', name: opts.name, pid: c.pid, code, signal });
        quickDeaths = Date.now() - startedAt < quickDeathMs ? quickDeaths + 1 : 0;
        if (quickDeaths >= quickDeathsBeforeGivingUp) {
          gaveUp = true;
          opts.onEvent?.({ kind: 'gave-up', name: opts.name, reason: `exited ${quickDeaths} times within ${quickDeathMs / 1000} s of starting` });
          return;
        }
        const delay = restartDelayMs * 2 ** Math.max(0, quickDeaths - 1);
        restartTimer = setTimeout(() => {
          if (stopping) return;
          restarts++;
          start();
          opts.onEvent?.({ kind: 'restarted', name: opts.name, pid: child?.pid });
        }, delay);
      }),
    );
    c.on('error', (err) => log.write(`=== spawn error: ${err.message}\n`));
  };
  start();

  const handle: SupervisedProcess = {
    name: opts.name,
    logFile: opts.logFile,
    pid: () => child?.pid,
    restarts: () => restarts,
    running: () => !!child && child.exitCode === null && child.signalCode === null,
    gaveUp: () => gaveUp,
    logTail: (chars = 3000) => {
      try {
        return readFileSync(opts.logFile, 'utf8').slice(-chars);
      } catch {
        return '';
      }
    },
    stop: async (graceMs = 20_000) => {
      stopping = true;
      clearTimeout(restartTimer);
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) {
        c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      await new Promise<void>((resolve) => log.end(resolve));
      live.delete(handle);
    },
  };
  live.add(handle);
  return handle;
}
