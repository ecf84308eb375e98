/**
 * Timing marks for `npm run bench`, compiled in only for the instrumented build
 * (FACTLENS_BENCH=1): a reader's build contains none of this, so pages cannot time FactLens.
 * Marks go to the page's performance timeline, where the bench reads them.
 */
declare const __FACTLENS_BENCH__: boolean;

export const BENCH = typeof __FACTLENS_BENCH__ !== 'undefined' && __FACTLENS_BENCH__;

/** Records a span of FactLens' own work (one task, one hit-test, one registration…). */
export function measure(name: string, start: number, detail?: Record<string, number>): void {
  if (!BENCH) return;
  performance.measure(`factlens:${name}`, { start, end: performance.now(), detail });
}

export function now(): number {
  return BENCH ? performance.now() : 0;
}
