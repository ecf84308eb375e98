/**
 * The matcher part of `npm run bench` (issue 4): scan time on a ~20 KB article and a ~1 MB page
 * beside the regular-expression floor and two peers, the same with a tenfold dataset, index
 * build time (repeated, and first in a fresh process) and index memory.
 */
import { INDEX } from '../../data/index.ts';
import { compileMatcherIndex, createMatcher } from '../../utils/matcher.ts';
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
  type Dataset,
} from './measure-matcher.ts';
import { formatBytes, formatMs, formatRatio, type BenchPartResult } from './report.ts';
import { aliasCount, shippedMatcherJson, tenfoldDataset } from './tenfold.ts';

/**
 * Memory of one index as a page holds it: the matcher, and the alias table shipped for it (which
 * the page keeps, as part of the bundled index); built, or built and then used on `page` (the
 * matcher makes objects of the patterns a page matches, as it meets them).
 */
function heapOf(
  { entries, compiled }: Dataset,
  page: readonly TextSegment[] | undefined,
  copies?: number,
): number {
  return retainedBytes(() => {
    const shipped = JSON.parse(JSON.stringify(compiled)) as typeof compiled; // a copy of its own
    const matcher = createMatcher(entries, { compiled: shipped });
    if (page) matcher.findMentions(page);
    return { matcher, shipped };
  }, copies);
}

export function runMatcherBench(log: (line: string) => void): BenchPartResult {
  const real = INDEX.entries;
  const tenfold = tenfoldDataset(real);
  // As the data build does: the real index ships its compiled aliases; the tenfold one is
  // compiled here, with the same function, before anything is timed.
  const realDataset: Dataset = { entries: real, compiled: INDEX.matcher };
  const tenfoldData: Dataset = { entries: tenfold, compiled: compileMatcherIndex(tenfold) };
  const demo = demoArticle();
  const page = newsPage();
  const found = createMatcher(real).findMentions(page);

  log('matcher: timing the 20 KB article…');
  const small = timePage(demo, realDataset, tenfoldData);
  log('matcher: timing the 1 MB page…');
  const large = timePage(page, realDataset, tenfoldData);
  log('matcher: index build and memory…');
  const build = { real: warmBuildMs(realDataset), tenfold: warmBuildMs(tenfoldData) };
  const fresh = {
    real: freshProcessBuildMs(shippedMatcherJson(real, realDataset.compiled)),
    tenfold: freshProcessBuildMs(shippedMatcherJson(tenfold, tenfoldData.compiled)),
  };
  const heap = {
    real: heapOf(realDataset, undefined),
    tenfold: heapOf(tenfoldData, undefined, 3),
    realUsed: heapOf(realDataset, page, 4),
    tenfoldUsed: heapOf(tenfoldData, page, 2),
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
            `parse + build, first in a fresh process (median of ${FRESH_PROCESSES})`,
            formatMs(fresh.real.total),
            formatMs(fresh.tenfold.total),
          ],
          ['  of which build', formatMs(fresh.real.build), formatMs(fresh.tenfold.build)],
          ['JS heap retained by one index', formatBytes(heap.real), formatBytes(heap.tenfold)],
          [
            '  the same after scanning the 1 MB page',
            formatBytes(heap.realUsed),
            formatBytes(heap.tenfoldUsed),
          ],
        ],
        notes: [
          'Built from the alias table the data build compiles and ships (index.json "matcher"); the tenfold one is compiled alike, untimed.',
          'Fresh process: JSON.parse of what the extension ships for the matcher (entries and their alias table), then createMatcher.',
          'Memory includes the shipped alias table, which the page keeps.',
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
        name: 'index build < 5 ms, first in a fresh process (with JSON.parse)',
        measured: formatMs(fresh.real.total),
        within: fresh.real.total < 5,
      },
      {
        name: 'tenfold index build < 20 ms, repeated',
        measured: formatMs(build.tenfold),
        within: build.tenfold < 20,
      },
      {
        name: 'tenfold index build < 20 ms, first in a fresh process (with JSON.parse)',
        measured: formatMs(fresh.tenfold.total),
        within: fresh.tenfold.total < 20,
      },
      {
        name: 'index memory < 0.5 MB',
        measured: `${formatBytes(heap.real)} (${formatBytes(heap.realUsed)} after scanning 1 MB)`,
        within: Math.max(heap.real, heap.realUsed) < 512 * 1024,
      },
    ],
  };
}
