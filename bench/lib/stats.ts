/** Small, dependency-free statistics for benchmark figures. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface LatencySummary {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  count: number;
}

export function summarize(latenciesMs: number[]): LatencySummary {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return { p50Ms: round(percentile(s, 50)), p95Ms: round(percentile(s, 95)), p99Ms: round(percentile(s, 99)), maxMs: round(s.at(-1) ?? NaN), count: s.length };
}

/** Median of repeated runs with the spread (min–max) so a noisy machine shows as such. */
export interface RepeatedFigure {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function repeated(values: number[]): RepeatedFigure {
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), runs: values.map((v) => round(v)) };
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs `task` for each of `items` with at most `concurrency` in flight; returns per-item latency. */
export async function runConcurrently<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      const started = performance.now();
      await task(items[i]!, i);
      latencies[i] = performance.now() - started;
    }
  });
  await Promise.all(lanes);
  return latencies;
}

/**
 * Open-loop load: starts `task` for item i at i / ratePerSecond seconds, whether or not earlier
 * ones have finished (arrivals as from many independent clients), and waits for all of them.
 * Latencies then show the service at that rate, not the queue a closed loop builds at its peak.
 */
export async function runPaced<T>(items: T[], ratePerSecond: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  await Promise.all(
    items.map(async (item, i) => {
      const due = started + (i * 1000) / ratePerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await task(item, i);
    }),
  );
}

/** Runs `count` unmeasured tasks first, so that JIT compilation and caches settle before timing. */
export async function warmUp(count: number, concurrency: number, task: () => Promise<void>): Promise<void> {
  await runConcurrently(Array.from({ length: count }), concurrency, task);
}
