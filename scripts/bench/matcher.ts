/**
 * The matcher part of `npm run bench` (issue 4): scan time on a ~20 KB article and a ~1 MB page
 * beside the regular-expression floor and two peers, the same with a tenfold dataset, index
 * build time (repeated, and first in a fresh process) and index memory.
 */
import { INDEX } from '../../data/index.ts';
import { createMatcher } from '../../utils/matcher.ts';
import type { TextSegment } from '../../utils/types.ts';
import { demoArticle, newsPage, textSize } from './corpus.ts';
import { retainedBytes } from './heap.ts';
import {
  BUILD_RUNS,
  freshProcessBuildMs,
  FRESH_PROCESSES,
  FUSE_SAMPLE_WORDS,
  PEER_RUNS,
  SCAN_RUNS,
  timePage,
  warmBuildMs,
} from './measure-matcher.ts';
import { formatBytes, formatMs, formatRatio, type BenchPartResult } from './report.ts';
import { aliasCount, tenfoldDataset } from './tenfold.ts';

export function runMatcherBench(log: (line: string) => void): BenchPartResult {
  const real = INDEX.entries;
  const tenfold = tenfoldDataset(real);
  const demo = demoArticle();
  const page = newsPage();
  const found = createMatcher(real).findMentions(page);

  log('matcher: timing the 20 KB article…');
  const small = timePage(demo, real, tenfold);
  log('matcher: timing the 1 MB page…');
  const large = timePage(page, real, tenfold);
  log('matcher: index build and memory…');
  const build = { real: warmBuildMs(real), tenfold: warmBuildMs(tenfold) };
  const fresh = { real: freshProcessBuildMs('real'), tenfold: freshProcessBuildMs('tenfold') };
  const heap = {
    real: retainedBytes(() => createMatcher(real)),
    tenfold: retainedBytes(() => createMatcher(tenfold), 3),
  };

  const kb = (segments: readonly TextSegment[]) => `${(textSize(segments) / 1000).toFixed(0)} KB`;
  const row = (label: string, a: number, b: number, ratio: string) => [
    label,
    formatMs(a),
    formatMs(b),
    ratio,
  ];
  const toFloor = (ms: number) => formatRatio(ms / large.floor);
  const fuzzyCount = found.mentions.filter((mention) => mention.kind === 'fuzzy').length;
  const ratioToFloor = large.matcher / large.floor;
  const growth = large.tenfold / large.matcher;

  return {
    sections: [
      {
        title: `Scan time, median of ${SCAN_RUNS} runs (peers ${PEER_RUNS}); ratios within this run`,
        table: [
          ['', `article ${kb(demo)}`, `page ${kb(page)}`, '1 MB ÷ floor'],
          row(
            `FactLens matcher (${aliasCount(real)} aliases)`,
            small.matcher,
            large.matcher,
            toFloor(large.matcher),
          ),
          row('floor: one combined RegExp (gi, ASCII \\b)', small.floor, large.floor, '1×'),
          row(
            'the same RegExp with Unicode boundaries (giu)',
            small.unicodeFloor,
            large.unicodeFloor,
            toFloor(large.unicodeFloor),
          ),
          row(
            'peer: mark.js-style, one RegExp per alias',
            small.perAlias,
            large.perAlias,
            toFloor(large.perAlias),
          ),
          row(
            `peer: naive fuse.js per word (from ${FUSE_SAMPLE_WORDS} words)`,
            small.fuse,
            large.fuse,
            toFloor(large.fuse),
          ),
          row(
            `FactLens matcher, tenfold (${aliasCount(tenfold)} aliases)`,
            small.tenfold,
            large.tenfold,
            toFloor(large.tenfold),
          ),
          row(
            'floor with the tenfold aliases',
            small.tenfoldFloor,
            large.tenfoldFloor,
            toFloor(large.tenfoldFloor),
          ),
        ],
        notes: [
          `On the 1 MB page: ${found.mentions.length} mentions (${fuzzyCount} typos) of ${found.summary.entries.length} entries, ${page.length} segments.`,
          `Tenfold dataset ÷ real dataset on 1 MB: ${formatRatio(growth)}.`,
          `Matcher ÷ Unicode-boundary RegExp on 1 MB: ${formatRatio(large.matcher / large.unicodeFloor)}.`,
        ],
      },
      {
        title: 'Index',
        table: [
          ['', 'real', 'tenfold'],
          [
            `build, repeated (median of ${BUILD_RUNS})`,
            formatMs(build.real),
            formatMs(build.tenfold),
          ],
          [
            `build, first in a fresh process (median of ${FRESH_PROCESSES})`,
            formatMs(fresh.real),
            formatMs(fresh.tenfold),
          ],
          ['JS heap retained by one index', formatBytes(heap.real), formatBytes(heap.tenfold)],
        ],
      },
    ],
    budgets: [
      {
        name: 'exact + fuzzy + precision on 1 MB ≤ 3× the RegExp floor (about 25 ms)',
        measured: `${formatRatio(ratioToFloor)} (${formatMs(large.matcher)} vs ${formatMs(large.floor)})`,
        within: ratioToFloor <= 3,
      },
      {
        name: 'tenfold dataset ≤ 1.5× the real one (1 MB)',
        measured: formatRatio(growth),
        within: growth <= 1.5,
      },
      {
        name: 'index build < 5 ms, repeated',
        measured: formatMs(build.real),
        within: build.real < 5,
      },
      {
        name: 'index build < 5 ms, first in a fresh process',
        measured: formatMs(fresh.real),
        within: fresh.real < 5,
      },
      {
        name: 'tenfold index build < 20 ms, repeated',
        measured: formatMs(build.tenfold),
        within: build.tenfold < 20,
      },
      {
        name: 'tenfold index build < 20 ms, first in a fresh process',
        measured: formatMs(fresh.tenfold),
        within: fresh.tenfold < 20,
      },
      {
        name: 'index memory < 0.5 MB',
        measured: formatBytes(heap.real),
        within: heap.real < 512 * 1024,
      },
    ],
  };
}
