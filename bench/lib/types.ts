import type { BenchStack, Engine } from './stack.js';
import type { LatencySummary } from './stats.js';

export interface BenchContext {
  /** The shared stack (not for a measurement that runs on its own stack). */
  stack: BenchStack;
  engine: Engine;
  quick: boolean;
  concurrency: number;
  runId: string;
  /** Which repetition of the measurement this is (0-based). */
  repetition: number;
  /** `--scale-levels`: the scale measurement's levels of open complaints, when not its defaults. */
  scaleLevels?: number[];
  /** `--scale-probes`: intake probes per scale level (each with its floor probe), when not 3. */
  scaleProbes?: number;
  progress(msg: string): void;
}

/** One figure set of one run; the runner takes medians over repetitions. */
export type RunResult = Partial<LatencySummary> & { perSecond?: number } & Record<string, unknown>;

export interface Measurement {
  key: string;
  title: string;
  /** Runs on a stack of its own: the shared stack is stopped before it (so it must come last). */
  ownStack?: boolean;
  /** Repetitions (default: 3, quick: 1). */
  repetitions?: { full: number; quick: number };
  /** Checked for every selected measurement before the first stack starts: throws what the machine lacks for it. */
  preflight?(ctx: Pick<BenchContext, 'engine' | 'progress'>): Promise<void>;
  run(ctx: BenchContext): Promise<RunResult>;
}
