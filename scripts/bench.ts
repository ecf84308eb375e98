/**
 * `npm run bench`: performance figures beside their floors and peers, medians of repeated runs,
 * ratios measured within one run, and each budget's verdict. Not a test: it never fails.
 *
 * Parts: the matcher in Node (issue 4, scripts/bench/matcher.ts), then the overlay in real
 * Chromium (issue 5, scripts/bench/overlay.ts, which builds the instrumented extension if needed).
 * `--part matcher` or `--part overlay` runs one of them.
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

// `npm run bench -- --part overlay` (or matcher) runs one part, for quicker rounds while tuning.
const partFlag = process.argv.indexOf('--part');
const only = partFlag >= 0 ? process.argv[partFlag + 1]?.toLowerCase() : undefined;
const chosen = only ? PARTS.filter((part) => part.title.toLowerCase().startsWith(only)) : PARTS;
if (chosen.length === 0) {
  console.error(`bench: no part called "${only}" (parts: matcher, overlay)`);
  process.exit(1);
}

console.log(
  `FactLens bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`,
);
for (const part of chosen) {
  const result = await part.run(log);
  console.log(renderPart(part.title, result));
  console.log('');
}
