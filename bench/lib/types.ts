import type { BenchStack } from './stack.js';
import type { LatencySummary } from './stats.js';

export interface BenchContext {
  stack: BenchStack;
  quick: boolean;
  concurrency: number;
  runId: string;
  /** Which repetition of the measurement this is (0-based). */
  repetition: number;
  progress(msg: string): void;
}

/** One figure set of one run; the runner takes medians over repetitions. */
export type RunResult = Partial<LatencySummary> & { perSecond?: number } & Record<string, unknown>;

export interface Measurement {
  key: string;
  title: string;
  /** Repetitions (default: 3, quick: 1). */
  repetitions?: { full: number; quick: number };
  run(ctx: BenchContext): Promise<RunResult>;
}
