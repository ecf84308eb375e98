/**
 * `npm run bench`: performance figures beside their floors and peers, medians of repeated runs,
 * ratios measured within one run, and each budget's verdict. Not a test: it never fails.
 *
 * Parts: the matcher in Node (issue 4, scripts/bench/matcher.ts), then the overlay in real
 * Chromium (issue 5, scripts/bench/overlay.ts, which builds the instrumented extension if needed).
 * Progress goes to stderr, the tables to stdout; only a crash exits non-zero.
 */
import { cpus } from 'node:os';
import { runMatcherBench } from './bench/matcher.ts';
import { runOverlayBench } from './bench/overlay.ts';
import { renderPart, type BenchPartResult } from './bench/report.ts';

const PARTS: Array<{
  title: string;
  run: (log: (line: string) => void) => BenchPartResult | Promise<BenchPartResult>;
}> = [
  { title: 'Matcher', run: runMatcherBench },
  { title: 'Overlay in Chromium', run: runOverlayBench },
];

const log = (line: string) => console.error(line);

console.log(
  `FactLens bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`,
);
for (const part of PARTS) {
  const result = await part.run(log);
  console.log(renderPart(part.title, result));
  console.log('');
}
