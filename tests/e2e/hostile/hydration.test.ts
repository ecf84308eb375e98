import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect } from 'vitest';
import type { TabDriver } from '../../../scripts/lib/drivers.ts';
import { PAGES_DIR, ROOT } from '../../../scripts/lib/paths.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, readCard, sleep, waitForCard, waitForPage } from '../support/page-helpers.ts';
import { startTrace } from './chromium-trace.ts';
import { createLedger } from './ledger.ts';
import { markedTexts, pageIntegrity, waitForMarks, watchTab } from './probes.ts';

/** Share of one core FactLens may take around a hydration (as on the churning pages). */
const CPU_SHARE = 0.1;
/** How long the page is watched once it is hydrated and quiet. */
const QUIET_MS = 3000;
/**
 * Highlight refreshes FactLens may make in that quiet time. Hydration that matches the server's
 * markup changes no node, so there is nothing to rescan; a rescan loop would show dozens.
 */
const MAX_REFRESHES = 1;
/** Names in the server's markup that FactLens marks (the analysis section is hydrated last). */
const NAMES = [
  'Stephen Biegun',
  'Choe Son-hui',
  'Kim Jong-un',
  'Donald Trump',
  'Victor Cha',
  'Joseph Bermudez',
  'Sohae',
  'Mike Pompeo',
  'John Bolton',
];
const namesMarked = (marks: string[]) => NAMES.filter((n) => marks.some((m) => m.includes(n)));

// React from npm: the server renders with react-dom/server in this process; the browser gets
// React's own UMD builds from node_modules, served by the test's page server (no network).
interface ReactServer {
  createElement(type: unknown, props?: unknown): unknown;
}
interface ReactDomServer {
  renderToString: (element: unknown) => string;
}
interface ReactApp {
  createPage(react: ReactServer): unknown;
}
const require = createRequire(import.meta.url);
const React = require('react') as ReactServer;
const { renderToString } = require('react-dom/server') as ReactDomServer;
const vendor = (path: string) => readFileSync(join(ROOT, 'node_modules', path), 'utf8');

interface HydrationState {
  started: boolean;
  hydrated: string[];
  recoverable: string[];
  errors: string[];
}

const hydration = (tab: TabDriver) =>
  tab.evaluate(() => (window as unknown as { __hydration: HydrationState }).__hydration, undefined);

/** Waits until React has hydrated the section `part` ('shell', 'analysis'); false on timeout. */
const hydrated = (tab: TabDriver, part: string) =>
  waitForPage(
    tab,
    (part) =>
      (window as unknown as { __hydration: HydrationState }).__hydration.hydrated.includes(part),
    part,
  );

/** Text nodes of the body, kept in the page to compare after hydration (same nodes, same order). */
const keepTextNodes = (tab: TabDriver) =>
  tab.evaluate(() => {
    const nodes: Node[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    (window as unknown as { __textNodes: Node[] }).__textNodes = nodes;
    return nodes.length;
  }, undefined);

const sameTextNodes = (tab: TabDriver) =>
  tab.evaluate(() => {
    const before = (window as unknown as { __textNodes: Node[] }).__textNodes;
    const after: Node[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) after.push(n);
    return after.length === before.length && after.every((n, i) => n === before[i]);
  }, undefined);

/**
 * Counts, from the page, how often FactLens refreshes its highlights (each refresh registers new
 * ranges); `stop()` returns the count.
 */
async function countRefreshes(tab: TabDriver): Promise<{ stop(): Promise<number> }> {
  await tab.evaluate(() => {
    const w = window as unknown as { __refreshes: number; __refreshTimer: number };
    let last = CSS.highlights.get('factlens-mention')?.values().next().value;
    w.__refreshes = 0;
    w.__refreshTimer = window.setInterval(() => {
      const first = CSS.highlights.get('factlens-mention')?.values().next().value;
      if (first !== last) w.__refreshes++;
      last = first;
    }, 20);
  }, undefined);
  return {
    stop: () =>
      tab.evaluate(() => {
        const w = window as unknown as { __refreshes: number; __refreshTimer: number };
        clearInterval(w.__refreshTimer);
        return w.__refreshes;
      }, undefined),
  };
}

describeInBrowsers('a React 18 page that hydrates', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);

  beforeAll(async () => {
    const app = (await import(
      pathToFileURL(join(PAGES_DIR, 'hostile/react-app.js')).href
    )) as ReactApp;
    const page = `<!doctype html>${renderToString(React.createElement(app.createPage(React)))}`;
    ctx.server.route('/hostile/react', page);
    const js = { 'content-type': 'text/javascript; charset=utf-8' };
    ctx.server.route('/vendor/react.js', vendor('react/umd/react.development.js'), js);
    ctx.server.route('/vendor/react-dom.js', vendor('react-dom/umd/react-dom.development.js'), js);
  });

  /** Console messages that are not the browser's own favicon request. */
  const pageErrors = (watch: Awaited<ReturnType<typeof watchTab>>) =>
    watch.entries.filter(
      (e) =>
        (e.type === 'error' || e.type === 'warning' || e.type === 'warn') &&
        !/favicon\.ico/.test(e.text + e.url),
    );

  ledger.fixture(
    'server-rendered, hydrated while a card is open: no hydration error, same DOM, marks kept, bounded CPU',
    async (record) => {
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/react'));
      // FactLens marks the server's markup before the app's code has arrived…
      await waitForMarks(tab, NAMES.length);
      const before = await markedTexts(tab);
      expect(namesMarked(before)).toEqual(NAMES);
      expect((await hydration(tab)).started).toBe(false);
      // …and the reader is reading a card (its host is in <body>, which React hydrates).
      await hoverText(tab, 'Victor Cha');
      expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
      expect(
        await tab.evaluate(() => !!document.querySelector('body > factlens-card'), undefined),
        'the card’s host is in the <body> React is about to hydrate',
      ).toBe(true);
      const nodes = await keepTextNodes(tab);
      expect(nodes).toBeGreaterThanOrEqual(10);

      const refreshes = await countRefreshes(tab);
      const cdp = await tab.cdp?.();
      const trace = cdp ? await startTrace(cdp) : null;
      const began = Date.now();
      // The app's code arrives: React hydrates the page but the analysis section, whose code
      // comes later; the reader's card stays open on it meanwhile.
      await tab.evaluate(() => (window as unknown as { __hydrate(): void }).__hydrate(), undefined);
      expect(await hydrated(tab, 'shell'), 'the page hydrated').toBe(true);
      expect((await readCard(tab)).entryId, 'the card while the page hydrates').toBe('victor-cha');
      await tab.evaluate(() => (window as unknown as { __arrive(): void }).__arrive(), undefined);
      expect(await hydrated(tab, 'analysis'), 'the analysis section hydrated').toBe(true);
      await sleep(QUIET_MS);
      const refreshed = await refreshes.stop();
      const tasks = await trace?.stop();
      const elapsed = Date.now() - began;

      const state = await hydration(tab);
      const integrity = await pageIntegrity(tab);
      const same = await sameTextNodes(tab);
      const card = await readCard(tab);
      const marks = await markedTexts(tab);
      const live = await tab.evaluate(
        () =>
          [...(CSS.highlights.get('factlens-mention') ?? [])].every(
            (r) => r.startContainer.isConnected,
          ),
        undefined,
      );
      record({
        ...integrity,
        ...watch.figures(),
        note: `hydration: ${refreshed} highlight refresh(es) in ${QUIET_MS / 1000} s${
          tasks ? `, FactLens ${tasks.totalMs} ms of CPU in ${elapsed} ms` : ''
        }`,
      });

      // React found nothing to complain about and kept every node the server sent.
      expect(state.recoverable, 'React’s recoverable errors').toEqual([]);
      expect(state.errors, 'React’s console errors').toEqual([]);
      expect(pageErrors(watch), 'console errors and warnings').toEqual([]);
      expect(same, 'hydration kept the server’s text nodes').toBe(true);
      expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
      // FactLens kept its marks, on the live text, and the reader's card.
      expect(marks, 'the same marks as before hydration').toEqual(before);
      expect(live).toBe(true);
      expect(card.entryId).toBe('victor-cha');
      // Bounded work: next to nothing to do once the page is hydrated.
      expect(refreshed, 'highlight refreshes once hydrated').toBeLessThanOrEqual(MAX_REFRESHES);
      if (tasks)
        expect(tasks.totalMs / elapsed, 'share of a core FactLens took').toBeLessThan(CPU_SHARE);

      // The hydrated app answers the reader's click, and the change is marked like the rest.
      await tab.press('Escape');
      await waitForCard(tab, (s) => !s.open);
      const like = await tab.evaluate(() => {
        const r = document.getElementById('like')!.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, undefined);
      await tab.mouseMove(like.x, like.y, 8);
      await tab.click(like.x, like.y);
      expect(
        await waitForPage(
          tab,
          () => document.getElementById('like')!.textContent === 'Like (1)',
          undefined,
        ),
        'the app works',
      ).toBe(true);
      expect((await hydration(tab)).errors).toEqual([]);
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  ledger.fixture(
    'hydrated as soon as its code runs, before FactLens scans: no hydration error, all marked',
    async (record) => {
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/react?auto'));
      expect(
        await waitForPage(
          tab,
          () =>
            (window as unknown as { __hydration: HydrationState }).__hydration.hydrated.length ===
            2,
          undefined,
        ),
        'the page hydrated',
      ).toBe(true);
      await waitForMarks(tab, NAMES.length);
      const state = await hydration(tab);
      const integrity = await pageIntegrity(tab);
      const marks = await markedTexts(tab);
      record({ ...integrity, ...watch.figures() });
      expect(state.recoverable).toEqual([]);
      expect(state.errors).toEqual([]);
      expect(pageErrors(watch)).toEqual([]);
      expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
      expect(namesMarked(marks)).toEqual(NAMES);
      expect(watch.factlensErrors()).toEqual([]);
    },
  );
});
