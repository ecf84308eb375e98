/** Timing helpers: medians over repeated runs, with warm-up runs discarded. */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function timeOnce(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/**
 * Medians of several contenders measured round-robin in one process, so that their ratios are
 * not skewed by the machine getting busier or quieter between them.
 */
export function interleavedMedians(
  contenders: Record<string, () => unknown>,
  runs: number,
  warmups = 3,
): Record<string, number> {
  const names = Object.keys(contenders);
  const samples = new Map<string, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < warmups + runs; round++) {
    for (const name of names) {
      const elapsed = timeOnce(contenders[name]!);
      if (round >= warmups) samples.get(name)!.push(elapsed);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name)!)]));
}
