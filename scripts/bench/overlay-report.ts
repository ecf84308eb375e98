/** The overlay bench's tables and budget verdicts, from the per-load figures (see overlay.ts). */
import type { ScriptSize } from './overlay-build.ts';
import type { TraceFindings } from './overlay-trace.ts';
import { formatBytes, formatMs, formatRatio, type BenchPartResult } from './report.ts';
import { median } from './timing.ts';

/** One load of a page with FactLens and one without, reduced to figures (ms, bytes, counts). */
export interface Run {
  scan: number;
  wall: number;
  scanStart: number;
  walkSlices: number;
  walkSliceCount: number;
  matchSlices: number;
  matchSliceCount: number;
  refresh: number;
  walk: number;
  walkIsolated: number;
  walkWarm: number;
  walkRegExp: number;
  longestTask: number;
  longestTaskKind: string;
  tasks: number;
  indexBuild: number;
  /** The part of the index build inside factlens:scan (the matcher is built on first use). */
  indexBuildInScan: number;
  register: number;
  registered: number;
  hitP50: number;
  hitP95: number;
  hitMax: number;
  hitSamples: number;
  caretP50: number;
  caretP95: number;
  heapWith: number;
  heapWithout: number;
  blinkAdded: number;
  sameText: boolean;
  textChars: number;
  markWrap: number;
  markRelayout: number;
  marks: number;
  markNodes: number;
  crossOriginIsolated: boolean;
}

export interface PageFigures {
  label: string;
  runs: Run[];
  trace: TraceFindings;
}

const SETTLE_NOTE =
  '0.3 s after the scan (CDP HeapProfiler.collectGarbage ×2, Runtime.getHeapUsage)';
/** A figure from the traced load, if it was found there. */
const traced = (ms: number) => (Number.isFinite(ms) && ms > 0 ? formatMs(ms) : '—');

const us = (ms: number) => `${Math.round(ms * 1000)} µs`;
/** Milliseconds, or microseconds below a tenth of one. */
const time = (ms: number) => (ms < 0.1 ? us(ms) : formatMs(ms));
const count = (n: number) => n.toFixed(0);
const signedBytes = (n: number) => (n < 0 ? `−${formatBytes(-n)}` : formatBytes(n));

export function overlayReport(
  figures: readonly PageFigures[],
  size: ScriptSize,
  settings: { runs: number; hoverTargets: number; load: number; cores: number },
): BenchPartResult {
  const [demo, large] = figures as [PageFigures, PageFigures];
  const med = (f: PageFigures, pick: (r: Run) => number) => median(f.runs.map(pick));
  const both = (pick: (r: Run) => number, format: (n: number) => string) => [
    format(med(demo, pick)),
    format(med(large, pick)),
  ];
  /** Median over the 1 MB page's loads of a per-load ratio. */
  const ratio = (pick: (r: Run) => number, by: (r: Run) => number) =>
    formatRatio(med(large, (r) => pick(r) / by(r)));
  const slices = (time: (r: Run) => number, n: (r: Run) => number) =>
    figures.map((f) => `${formatMs(med(f, time))} in ${med(f, n).toFixed(0)}`);
  const header = (last: string) => [
    '',
    ...figures.map((f) => `${f.label} (${(med(f, (r) => r.textChars) / 1000).toFixed(0)} KB)`),
    last,
  ];
  const turns = (r: Run) => r.scan - r.walkSlices - r.matchSlices - r.refresh - r.indexBuildInScan;
  const perFiveHundred = (r: Run) => (r.register / Math.max(1, r.registered)) * 500;
  const heapAdded = (r: Run) => r.heapWith - r.heapWithout;
  const markTotal = (r: Run) => r.markWrap + r.markRelayout;
  const forcedIn = (span: string) =>
    figures.map((f) => {
      const entry = f.trace.forced[span];
      return entry ? `${entry.layouts} in ${entry.spans} spans` : 'no spans';
    });
  const isolated = figures.every((f) => f.runs.every((r) => r.crossOriginIsolated));
  const sameText = figures.every((f) => f.runs.every((r) => r.sameText));

  const scanRatio = med(large, (r) => r.scan / r.walk);
  const longestTask = med(large, (r) => r.longestTask);
  const perFive = med(large, perFiveHundred);
  const forcedRegister = figures.reduce((n, f) => n + (f.trace.forced.register?.layouts ?? 0), 0);
  const hitP95 = med(large, (r) => r.hitP95);
  const added = med(large, heapAdded);

  return {
    sections: [
      {
        title: `Scan in Chromium, median of ${settings.runs} loads per page; ratios within each load`,
        table: [
          header('1 MB ÷ floor'),
          [
            'complete scan (factlens:scan)',
            ...both((r) => r.scan, formatMs),
            ratio(
              (r) => r.scan,
              (r) => r.walk,
            ),
          ],
          [
            '  walk slices',
            ...slices(
              (r) => r.walkSlices,
              (r) => r.walkSliceCount,
            ),
            '',
          ],
          [
            '  match slices',
            ...slices(
              (r) => r.matchSlices,
              (r) => r.matchSliceCount,
            ),
            '',
          ],
          ['  refresh (rules, ranges, registration)', ...both((r) => r.refresh, formatMs), ''],
          [
            '  index build (the matcher, built on first use)',
            ...both((r) => r.indexBuildInScan, formatMs),
            '',
          ],
          ['  the page’s turns between slices', ...both(turns, formatMs), ''],
          ['wall: navigation → last registration', ...both((r) => r.wall, formatMs), ''],
          [
            '  of which before the scan (load, script start)',
            ...both((r) => r.scanStart, formatMs),
            '',
          ],
          ['floor: first bare TreeWalker walk (page.evaluate)', ...both((r) => r.walk, time), '1×'],
          [
            '  the same, fresh isolated world (as a content script)',
            ...both((r) => r.walkIsolated, time),
            ratio(
              (r) => r.scan,
              (r) => r.walkIsolated,
            ),
          ],
          [
            '  the same walk, warm',
            ...both((r) => r.walkWarm, time),
            ratio(
              (r) => r.scan,
              (r) => r.walkWarm,
            ),
          ],
          [
            '  warm walk + one combined RegExp (DESIGN.md)',
            ...both((r) => r.walkRegExp, time),
            ratio(
              (r) => r.scan,
              (r) => r.walkRegExp,
            ),
          ],
        ],
        notes: [
          'The last column is the complete scan ÷ each floor.',
          `Machine load when the part started: ${settings.load.toFixed(1)} on ${settings.cores} cores (others' work slows absolute times; ratios pair figures of one load).`,
          `Page clock: ${isolated ? 'cross-origin isolated, 5 µs' : 'NOT isolated: 100 µs, small figures are rounded'}. Text, text nodes and elements with FactLens ${sameText ? 'equal' : 'DIFFER from'} those without.`,
        ],
      },
      {
        title: 'Main-thread tasks',
        table: [
          header(''),
          [
            'longest content-script task (factlens:task)',
            ...both((r) => r.longestTask, formatMs),
            '',
          ],
          ['content-script tasks per scan', ...both((r) => r.tasks, count), ''],
          [
            'longest main-thread task with FactLens work (1 traced load)',
            ...figures.map((f) => traced(f.trace.longestTaskMs)),
            '',
          ],
          [
            'start-up task: script evaluation + index build (same)',
            ...figures.map((f) => traced(f.trace.startupTaskMs)),
            '',
          ],
          ['  index build (factlens:index-build)', ...both((r) => r.indexBuild, formatMs), ''],
        ],
        notes: [
          `Kind of the longest factlens:task in each 1 MB load: ${large.runs.map((r) => r.longestTaskKind).join(', ')}.`,
          ...figures.map(
            (f) => `Traced, ${f.label}: the longest task held ${f.trace.longestTaskHeld || '—'}.`,
          ),
        ],
      },
      {
        title: 'Highlight registration (the last factlens:register: every range)',
        table: [
          header(''),
          ['time', ...both((r) => r.register, time), ''],
          ['ranges', ...both((r) => r.registered, count), ''],
          ['per 500 ranges', ...both(perFiveHundred, time), ''],
          [
            'layouts + style recalcs inside registration (1 traced load)',
            ...forcedIn('register'),
            '',
          ],
          ['  … inside work slices (same)', ...forcedIn('task'), ''],
          ['  … inside hit-tests (same)', ...forcedIn('hit-test'), ''],
        ],
      },
      {
        title: `Hover hit-test: the real mouse over text and onto ${settings.hoverTargets} mentions per load`,
        table: [
          header('1 MB ÷ floor'),
          ['FactLens hit-test p50', ...both((r) => r.hitP50, us), ''],
          [
            'FactLens hit-test p95',
            ...both((r) => r.hitP95, us),
            ratio(
              (r) => r.hitP95,
              (r) => r.caretP95,
            ),
          ],
          ['FactLens hit-test max', ...both((r) => r.hitMax, us), ''],
          ['  hit-tests per load', ...both((r) => r.hitSamples, count), ''],
          ['floor: caretPositionFromPoint per frame, p50', ...both((r) => r.caretP50, us), ''],
          ['floor: caretPositionFromPoint per frame, p95', ...both((r) => r.caretP95, us), '1×'],
        ],
        notes: ['The floor runs in the page without FactLens, along the same mouse path.'],
      },
      {
        title: `JS heap after GC, ${SETTLE_NOTE}`,
        table: [
          header(''),
          ['with FactLens', ...both((r) => r.heapWith, formatBytes), ''],
          ['without', ...both((r) => r.heapWithout, formatBytes), ''],
          ['added by FactLens', ...both(heapAdded, signedBytes), ''],
          ['Blink (C++) heap added, for reference', ...both((r) => r.blinkAdded, signedBytes), ''],
        ],
      },
      {
        title: `Peer on the same pages, without the extension: mark.js-style (median of ${settings.runs})`,
        table: [
          header('1 MB ÷ FactLens scan'),
          [
            'mark.js-style: per alias a DOM walk + RegExp, <mark> each match',
            ...both((r) => r.markWrap, formatMs),
            ratio(
              (r) => r.markWrap,
              (r) => r.scan,
            ),
          ],
          ['  the relayout it forces', ...both((r) => r.markRelayout, formatMs), ''],
          ['  total', ...both(markTotal, formatMs), ratio(markTotal, (r) => r.scan)],
          ['  <mark> elements added', ...both((r) => r.marks, count), ''],
          [
            '  DOM nodes added (elements + split text nodes)',
            ...both((r) => r.markNodes, count),
            '',
          ],
          ['FactLens: DOM nodes added, layouts forced', '0, 0', '0, 0', ''],
        ],
        notes: [
          'mark.js-style marks every alias wherever it occurs (no precision rules, marks nested in marks);',
          `FactLens registered ${med(large, (r) => r.registered).toFixed(0)} ranges on the 1 MB page and changed no node.`,
        ],
      },
      {
        title: 'Content script of the reader’s build (.output/chrome-mv3)',
        table: [
          ['', 'bytes', ''],
          ['content.js', String(size.raw), formatBytes(size.raw)],
          ['content.js, gzip -9', String(size.gzip), formatBytes(size.gzip)],
          ['content.css', String(size.css), formatBytes(size.css)],
          [
            'content.js of the instrumented build',
            String(size.benchRaw),
            formatBytes(size.benchRaw),
          ],
        ],
        notes: size.stale
          ? ['This build is older than the sources: run `npm run build` for a current size.']
          : [],
      },
    ],
    budgets: [
      {
        name: 'complete scan of the 1 MB page ≤ 6× the TreeWalker floor',
        measured: `${formatRatio(scanRatio)} (${formatMs(med(large, (r) => r.scan))} vs ${formatMs(med(large, (r) => r.walk))}; ${ratio(
          (r) => r.scan,
          (r) => r.walkIsolated,
        )} the isolated-world walk)`,
        within: scanRatio <= 6,
      },
      {
        name: 'longest content-script task on the 1 MB page ≤ 10 ms',
        measured: `${formatMs(longestTask)} (traced task: ${traced(large.trace.longestTaskMs)})`,
        within: longestTask <= 10,
      },
      {
        name: 'registration ≤ 1 ms per 500 matches, no forced layout',
        measured: `${formatMs(perFive)} per 500 (${med(large, (r) => r.registered).toFixed(0)} ranges in ${formatMs(med(large, (r) => r.register))}), ${forcedRegister} forced layouts`,
        within: perFive <= 1 && forcedRegister === 0,
      },
      {
        name: 'hover hit-test p95 on the 1 MB page ≤ 50 µs',
        measured: `${us(hitP95)} (browser's caretPositionFromPoint alone: ${us(med(large, (r) => r.caretP95))})`,
        within: hitP95 <= 0.05,
      },
      {
        name: 'JS heap added on the 1 MB page ≤ 3 MB',
        measured: signedBytes(added),
        within: added <= 3 * 1024 * 1024,
      },
      {
        name: 'content script ≤ 150 KB',
        measured: `${formatBytes(size.raw)} raw, ${formatBytes(size.gzip)} gzip${size.stale ? ' (build older than the sources)' : ''}`,
        within: size.raw <= 150 * 1024,
      },
    ],
  };
}
