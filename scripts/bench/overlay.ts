/**
 * The overlay part of `npm run bench` (issue 5): FactLens' content script in real Chromium
 * (headless, Debian's /usr/bin/chromium through playwright-core), on the demo article
 * (tests/pages/demo.html) and a ~1 MB news front page generated from the matcher bench's corpus
 * (overlay-page.ts). Each page is loaded RUNS times in a browser with the instrumented build
 * (`FACTLENS_BENCH=1 wxt build`, made here when missing or older than the sources) and, in
 * turn, in a browser without any extension. Figures are medians over the loads; every ratio pairs
 * figures of the same load. Pages are served cross-origin isolated, so the page's clock (which the
 * content script shares) is precise to 5 µs rather than 100 µs.
 *
 * The figures (FactLens' own come from the instrumented build's `performance.measure` entries):
 * - complete scan: `factlens:scan`, from the start of the scan (content script at document_idle,
 *   after its index build) to highlights registered for the whole page; split into walk slices,
 *   match slices, the refresh, and the page's turns between slices. Wall: navigation start to the
 *   end of the last `factlens:register` (page load and script start-up included).
 * - floor: a bare TreeWalker over the body's text nodes reading each node's text, timed in the
 *   same page right after the scan. The budget's floor (scan ≤ 6×) is the first such walk by page
 *   code (page.evaluate), cold like the content script's own. Shown beside it: the same first walk
 *   in a fresh isolated world (a content script's exact conditions: it builds its own JS wrappers
 *   of every node), the warm walk, and the warm walk plus one combined RegExp (DESIGN.md).
 * - longest task: the longest `factlens:task` (each slice the content script runs in one go);
 *   budget ≤ 10 ms. Cross-checked in one traced load per page (CDP Tracing; its figures are not
 *   used elsewhere, tracing slows the page): the longest top-level main-thread slice holding
 *   FactLens' scanning work (slices can share one task), and the start-up task that evaluates
 *   the script and builds the index.
 * - registration: the last `factlens:register` (every range into CSS.highlights), per 500 ranges;
 *   budget ≤ 1 ms per 500 and no forced layout: the traced load counts Layout and UpdateLayoutTree
 *   (style recalc) events on the main thread inside registration, work slices and hit-tests —
 *   the browser's own rendering happens in frames outside them, so any inside were forced.
 * - hit-test: `factlens:hit-test` durations while the real mouse (CDP input events) travels over
 *   text onto HOVER_TARGETS mentions spread over the page; p95 per load; budget ≤ 50 µs. Floor:
 *   the browser's own caretPositionFromPoint, once per frame along the same path, without FactLens.
 * - heap added: JS heap used (CDP Runtime.getHeapUsage after two HeapProfiler.collectGarbage,
 *   SETTLE_MS after the scan) with the extension minus the same page without it. The content
 *   script's isolated world lives in the page's isolate, so the difference is FactLens' own;
 *   budget ≤ 3 MB. Blink's C++ heap (DOM objects, ranges, wrapper maps) is shown beside it.
 * - content script: raw and gzip -9 bytes of .output/chrome-mv3/content-scripts/content.js (the
 *   reader's build, flagged when older than the sources); budget ≤ 150 KB raw.
 * - peer, labelled mark.js-style: mark.js' approach reproduced in the page (a DOM walk and one
 *   RegExp per alias, each match wrapped in <mark>; overlay-measure.ts), on the page loaded
 *   without the extension: its time, the relayout it forces, the nodes it adds.
 */
import { cpus, loadavg } from 'node:os';
import { INDEX } from '../../data/index.ts';
import { startPageServer } from '../lib/server.ts';
import { BENCH_BUILD, contentScriptSize, ensureBenchBuild } from './overlay-build.ts';
import { heapAfterGc, launchBenchBrowser, type BenchBrowser } from './overlay-browser.ts';
import {
  caretTimesAlong,
  hitTestsAlong,
  markJsStyle,
  mentionPoints,
  pageCounts,
  readScan,
  timeFloor,
  waitForScan,
} from './overlay-measure.ts';
import { demoPage, ISOLATION_HEADERS, newsFrontPage } from './overlay-page.ts';
import { overlayReport, type PageFigures, type Run } from './overlay-report.ts';
import { analyseTrace, startTrace } from './overlay-trace.ts';
import { aliasTexts } from './peers.ts';
import type { BenchPartResult } from './report.ts';

export const RUNS = 5;
export const HOVER_TARGETS = 10;
/** After the scan (or the load, without FactLens), before the heap is read. */
const SETTLE_MS = 300;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** One load with FactLens, then the same page without it. */
async function measureRun(
  withExt: BenchBrowser,
  without: BenchBrowser,
  url: string,
  pattern: string,
  aliases: readonly string[],
): Promise<Run> {
  const { page, cdp } = await withExt.freshPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForScan(page);
  await sleep(SETTLE_MS);
  const heap = await heapAfterGc(cdp);
  const floor = await timeFloor(page, cdp, pattern);
  const scan = await readScan(page);
  const points = await mentionPoints(page, HOVER_TARGETS);
  const hits = await hitTestsAlong(page, points);

  const plain = await without.freshPage();
  await plain.page.goto(url, { waitUntil: 'load' });
  // The same kind of wait as for the scan, so Playwright's page helpers weigh the same in both.
  await plain.page.waitForFunction(() => document.readyState === 'complete', undefined, {
    polling: 50,
  });
  await sleep(SETTLE_MS);
  const heapWithout = await heapAfterGc(plain.cdp);
  const counts = await pageCounts(plain.page);
  const carets = await caretTimesAlong(plain.page, points);
  const marked = await markJsStyle(plain.page, aliases);

  const last = scan.registers.at(-1);
  // A slice that both walked and matched is split by the milliseconds it records for each.
  const slices = (kind: string) =>
    scan.tasks
      .filter((t) => kind in t.detail)
      .map((t) => (t.kind === kind ? t.duration : (t.detail[kind] ?? 0)));
  const longest = scan.tasks.reduce((a, b) => (b.duration > a.duration ? b : a), scan.tasks[0]!);
  return {
    scan: scan.scan.duration,
    wall: last ? last.start + last.duration : Number.NaN,
    scanStart: scan.scan.start,
    walkSlices: sum(slices('walk')),
    walkSliceCount: slices('walk').length,
    matchSlices: sum(slices('match')),
    matchSliceCount: slices('match').length,
    refresh: sum(slices('refresh')),
    ...floor,
    longestTask: longest.duration,
    longestTaskKind: longest.kind,
    tasks: scan.tasks.length,
    indexBuild: scan.indexBuild?.duration ?? Number.NaN,
    // The matcher is built on first use, which is the start of the first scan.
    indexBuildInScan:
      scan.indexBuild && scan.indexBuild.start >= scan.scan.start ? scan.indexBuild.duration : 0,
    register: last?.duration ?? Number.NaN,
    registered: last?.count ?? 0,
    hitP50: percentile(hits, 50),
    hitP95: percentile(hits, 95),
    hitMax: hits.length ? Math.max(...hits) : Number.NaN,
    hitSamples: hits.length,
    caretP50: percentile(carets, 50),
    caretP95: percentile(carets, 95),
    heapWith: heap.js,
    heapWithout: heapWithout.js,
    blinkAdded: heap.embedder - heapWithout.embedder,
    sameText:
      counts.textChars === scan.textChars &&
      counts.textNodes === scan.textNodes &&
      counts.elements === scan.elements,
    textChars: counts.textChars,
    markWrap: marked.wrapMs,
    markRelayout: marked.relayoutMs,
    marks: marked.marks,
    markNodes: marked.elementsAdded + marked.textNodesAdded,
    crossOriginIsolated: scan.crossOriginIsolated,
  };
}

/** One load with CDP tracing on, hovering a few mentions; read for tasks and forced layout. */
async function tracedLoad(browser: BenchBrowser, origin: string, url: string) {
  const { page, cdp } = await browser.freshPage();
  // Same origin first, so the traced navigation stays in one renderer process.
  await page.goto(`${origin}/bench/blank.html`);
  const stop = await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load' });
  await waitForScan(page);
  await hitTestsAlong(page, await mentionPoints(page, 4));
  const events = await stop();
  // The trace's spans carry no detail: name task slices after the page's own measures.
  const { tasks } = await readScan(page);
  return analyseTrace(events, (name, start) => {
    const task = name === 'task' ? tasks.find((t) => Math.abs(t.start - start) < 0.05) : undefined;
    return task ? `${task.kind} slice` : name;
  });
}

export async function runOverlayBench(log: (line: string) => void): Promise<BenchPartResult> {
  const load = loadavg()[0] ?? 0;
  ensureBenchBuild(log);
  const size = contentScriptSize(log);
  const aliases = aliasTexts(INDEX.entries);
  const pattern = `\\b(?:${aliases.map(escape).join('|')})\\b`;
  const pages = [
    { label: 'demo article', path: '/bench/demo.html', html: demoPage() },
    { label: '1 MB page', path: '/bench/news.html', html: newsFrontPage() },
  ];

  const server = await startPageServer();
  server.route('/bench/blank.html', '<!doctype html><title>blank</title>', ISOLATION_HEADERS);
  for (const p of pages) server.route(p.path, p.html, ISOLATION_HEADERS);
  const browsers: BenchBrowser[] = [];
  const figures: PageFigures[] = [];
  try {
    const withExt = await launchBenchBrowser(BENCH_BUILD);
    browsers.push(withExt);
    const without = await launchBenchBrowser();
    browsers.push(without);
    for (const p of pages) {
      const url = server.url(p.path);
      log(`overlay: ${p.label}: one traced load…`);
      const trace = await tracedLoad(withExt, server.origin, url);
      const runs: Run[] = [];
      for (let k = 0; k < RUNS; k++) {
        log(`overlay: ${p.label}: load ${k + 1} of ${RUNS}, with and without FactLens…`);
        runs.push(await measureRun(withExt, without, url, pattern, aliases));
      }
      figures.push({ label: p.label, runs, trace });
    }
  } finally {
    for (const b of browsers) await b.close();
    await server.close();
  }
  return overlayReport(figures, size, {
    runs: RUNS,
    hoverTargets: HOVER_TARGETS,
    load,
    cores: cpus().length,
  });
}
