/**
 * What the overlay bench measures inside the page, in Chromium's main world. FactLens' own figures
 * come from the instrumented build's `performance.measure` entries (the page and the content
 * script share one performance timeline); the floor and the peer run here as page code.
 */
import type { CDPSession, Page } from 'playwright-core';
import { inNewIsolatedWorld, inPage } from './overlay-browser.ts';

export interface Span {
  start: number;
  duration: number;
}

export interface ScanRecord {
  crossOriginIsolated: boolean;
  /** factlens:scan: from the start of the scan to highlights registered for the whole page. */
  scan: Span;
  /**
   * Every factlens:task (walk, match and refresh slices), in order. `kind` names what it did
   * ("walk", "match", "walk+match", "refresh"); a slice that did more than one thing carries the
   * milliseconds of each in `detail`.
   */
  tasks: Array<Span & { kind: string; detail: Record<string, number> }>;
  /** Every factlens:register; the last covers the whole page. */
  registers: Array<Span & { count: number }>;
  indexBuild: Span | null;
  /** performance.timeOrigin-relative: the load event of the page. */
  loadEventEnd: number;
  textChars: number;
  textNodes: number;
  elements: number;
}

/** Waits until the content script reports a complete scan (factlens:scan). */
export async function waitForScan(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('factlens:scan').length > 0,
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}

/** The page's counts: text, text nodes and elements (equal with and without FactLens). */
export function pageCounts(
  page: Page,
): Promise<{ textChars: number; textNodes: number; elements: number }> {
  return inPage(
    page,
    () => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let textNodes = 0;
      while (walker.nextNode()) textNodes++;
      return {
        textChars: document.body.textContent?.length ?? 0,
        textNodes,
        elements: document.getElementsByTagName('*').length,
      };
    },
    undefined,
  );
}

export async function readScan(page: Page): Promise<ScanRecord> {
  const measures = await inPage(
    page,
    () => {
      const nav = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return {
        crossOriginIsolated,
        loadEventEnd: nav?.loadEventEnd ?? Number.NaN,
        measures: performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('factlens:'))
          .map((m) => ({
            name: m.name.slice('factlens:'.length),
            start: m.startTime,
            duration: m.duration,
            detail: ((m as PerformanceMeasure).detail ?? {}) as Record<string, number>,
          })),
      };
    },
    undefined,
  );
  const of = (name: string) => measures.measures.filter((m) => m.name === name);
  const scan = of('scan').at(-1);
  if (!scan) throw new Error('No factlens:scan measure on the page: is this the bench build?');
  const counts = await pageCounts(page);
  return {
    crossOriginIsolated: measures.crossOriginIsolated,
    loadEventEnd: measures.loadEventEnd,
    scan: { start: scan.start, duration: scan.duration },
    tasks: of('task').map((m) => ({
      start: m.start,
      duration: m.duration,
      kind: Object.keys(m.detail).join('+') || 'task',
      detail: m.detail,
    })),
    registers: of('register').map((m) => ({
      start: m.start,
      duration: m.duration,
      count: m.detail.count ?? 0,
    })),
    indexBuild: of('index-build')[0] ?? null,
    ...counts,
  };
}

export interface FloorTimes {
  /** A bare TreeWalker over the body's text nodes, reading each node's text: the first walk in
   *  the page's main world (page.evaluate), cold as the content script's own walk is. */
  walk: number;
  /** The same first walk in a fresh isolated world: a content script's conditions exactly. */
  walkIsolated: number;
  /** The walk again, warm (median of 5). */
  walkWarm: number;
  /** The warm walk plus one combined regular expression over each text node (DESIGN.md). */
  walkRegExp: number;
}

/** A bare walk over the text nodes, in whatever world it is run in; milliseconds. */
const bareWalk = () => {
  const started = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node: Node | null;
  let chars = 0;
  while ((node = walker.nextNode())) chars += (node as Text).data.length;
  if (chars < 0) throw new Error('unreachable');
  return performance.now() - started;
};

/**
 * The floors, timed in the page after FactLens' scan and before any other page code touched
 * the DOM: first walks (isolated world, then main world), then warm walks and walks with the
 * combined expression `pattern` (flags gi).
 */
export async function timeFloor(page: Page, cdp: CDPSession, pattern: string): Promise<FloorTimes> {
  const walkIsolated = await inNewIsolatedWorld(cdp, bareWalk, undefined);
  const walk = await inPage(page, bareWalk, undefined);
  const warm = await inPage(
    page,
    (pattern) => {
      const walks: number[] = [];
      const withRegExp: number[] = [];
      let sink = 0;
      for (let k = 0; k < 5; k++) {
        let started = performance.now();
        let walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let node: Node | null;
        while ((node = walker.nextNode())) sink += (node as Text).data.length;
        walks.push(performance.now() - started);

        started = performance.now();
        const regexp = new RegExp(pattern, 'gi');
        walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while ((node = walker.nextNode())) {
          const data = (node as Text).data;
          regexp.lastIndex = 0;
          while (regexp.exec(data) !== null) sink++;
        }
        withRegExp.push(performance.now() - started);
      }
      const mid = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
      if (sink < 0) throw new Error('unreachable');
      return { walkWarm: mid(walks), walkRegExp: mid(withRegExp) };
    },
    pattern,
  );
  return { walk, walkIsolated, ...warm };
}

export interface Point {
  x: number;
  y: number;
}

/** Centres of up to `max` of FactLens' highlighted mentions spread over the page (document px). */
export function mentionPoints(page: Page, max: number): Promise<Point[]> {
  return inPage(
    page,
    (max) => {
      const highlight = CSS.highlights.get('factlens-mention');
      const points: Array<{ x: number; y: number }> = [];
      if (!highlight) return points;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        points.push({
          x: rect.left + rect.width / 2 + scrollX,
          y: rect.top + rect.height / 2 + scrollY,
        });
      }
      points.sort((a, b) => a.y - b.y);
      const step = Math.max(1, Math.floor(points.length / max));
      return points.filter((_, k) => k % step === 0).slice(0, max);
    },
    max,
  );
}

const nextFrames = (page: Page) =>
  inPage(
    page,
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
    undefined,
  );

/**
 * Moves the real mouse (CDP input events) over the page: for each point, scrolls it into view,
 * then travels across the text towards it, over it, and away — so that hit-tests land on plain
 * text, margins and mentions alike. The same path on every load, with or without FactLens.
 */
async function travel(page: Page, points: readonly Point[]): Promise<void> {
  const viewportY = 400;
  for (const p of points) {
    const scrolled = await inPage(
      page,
      (y) => {
        scrollTo(0, y);
        return scrollY;
      },
      Math.max(0, p.y - viewportY),
    );
    await nextFrames(page);
    const y = p.y - scrolled;
    await page.mouse.move(Math.max(5, p.x - 220), y + 60, { steps: 1 });
    await page.mouse.move(p.x, y, { steps: 6 });
    await page.mouse.move(p.x + 120, y + 140, { steps: 3 });
  }
  await nextFrames(page);
}

/** factlens:hit-test durations (ms) while the mouse travels over `points`. */
export async function hitTestsAlong(page: Page, points: readonly Point[]): Promise<number[]> {
  const since = await inPage(page, () => performance.now(), undefined);
  await travel(page, points);
  return inPage(
    page,
    (since) =>
      performance
        .getEntriesByName('factlens:hit-test')
        .filter((m) => m.startTime >= since)
        .map((m) => m.duration),
    since,
  );
}

/**
 * The hit-test floor, in a page without FactLens: the browser's own caretPositionFromPoint
 * (which FactLens' hit-test starts with), once per frame on pointer moves along the same path.
 */
export async function caretTimesAlong(page: Page, points: readonly Point[]): Promise<number[]> {
  await inPage(
    page,
    () => {
      const times: number[] = [];
      let frame = 0;
      let x = 0;
      let y = 0;
      (globalThis as { benchCaretTimes?: number[] }).benchCaretTimes = times;
      document.addEventListener(
        'pointermove',
        (e) => {
          x = e.clientX;
          y = e.clientY;
          if (frame) return;
          frame = requestAnimationFrame(() => {
            frame = 0;
            const started = performance.now();
            document.caretPositionFromPoint(x, y);
            times.push(performance.now() - started);
          });
        },
        { capture: true, passive: true },
      );
    },
    undefined,
  );
  await travel(page, points);
  return inPage(
    page,
    () => (globalThis as { benchCaretTimes?: number[] }).benchCaretTimes ?? [],
    undefined,
  );
}

export interface MarkJsRecord {
  /** Walking and wrapping, one regular expression per alias (JS time). */
  wrapMs: number;
  /** The forced style and layout that follows (reading offsetHeight). */
  relayoutMs: number;
  marks: number;
  elementsAdded: number;
  textNodesAdded: number;
}

/**
 * mark.js' approach, reproduced in the page (the package is not installed): for each keyword,
 * longest first, collect the text nodes with a NodeIterator whose filter rejects nodes whose
 * parent matches script, style, title, head or html (one `matches` call per selector, as mark.js
 * does), concatenate their text, then run the keyword's expression over each node and wrap every
 * match in `<mark data-markjs="true">` by splitting the text node. Options as mark.js' defaults
 * except: whole aliases (separateWordSearch off), word boundaries (as the matcher bench's peer),
 * and diacritics off (mark.js' default turns every letter into a class of accented variants,
 * slower still) — so this is mark.js at its fastest.
 */
export function markJsStyle(page: Page, aliases: readonly string[]): Promise<MarkJsRecord> {
  return inPage(
    page,
    (aliases) => {
      const elementsBefore = document.getElementsByTagName('*').length;
      const countText = () => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let count = 0;
        while (walker.nextNode()) count++;
        return count;
      };
      const textBefore = countText();
      const exclude = ['script', 'style', 'title', 'head', 'html'];
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      let marks = 0;
      const started = performance.now();
      for (const alias of aliases) {
        const regexp = new RegExp(`\\b${escape(alias)}\\b`, 'gmi');
        const nodes: Array<{ start: number; end: number; node: Text }> = [];
        let all = '';
        const iterator = document.createNodeIterator(document.body, NodeFilter.SHOW_TEXT, {
          acceptNode: (node: Node) => {
            const parent = node.parentNode as Element | null;
            let excluded = false;
            if (parent?.matches) {
              exclude.every((selector) => {
                if (parent.matches(selector)) {
                  excluded = true;
                  return false;
                }
                return true;
              });
            }
            return excluded ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
          },
        });
        let n: Node | null;
        while ((n = iterator.nextNode())) {
          const node = n as Text;
          nodes.push({ start: all.length, end: (all += node.textContent ?? '').length, node });
        }
        for (const entry of nodes) {
          let node = entry.node;
          let match: RegExpExecArray | null;
          while ((match = regexp.exec(node.textContent ?? '')) !== null && match[0] !== '') {
            const startNode = node.splitText(match.index);
            const rest = startNode.splitText(match[0].length);
            const mark = document.createElement('mark');
            mark.setAttribute('data-markjs', 'true');
            mark.textContent = startNode.textContent;
            startNode.parentNode?.replaceChild(mark, startNode);
            node = rest;
            regexp.lastIndex = 0;
            marks++;
          }
        }
      }
      const wrapMs = performance.now() - started;
      const layoutStarted = performance.now();
      if (document.body.offsetHeight < 0) throw new Error('unreachable');
      const relayoutMs = performance.now() - layoutStarted;
      return {
        wrapMs,
        relayoutMs,
        marks,
        elementsAdded: document.getElementsByTagName('*').length - elementsBefore,
        textNodesAdded: countText() - textBefore,
      };
    },
    aliases,
  );
}
