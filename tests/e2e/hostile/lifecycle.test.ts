import { expect } from 'vitest';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, sleep, waitForCard, waitUntil } from '../support/page-helpers.ts';
import { memoryAfterGc } from './chromium-trace.ts';
import { createLedger } from './ledger.ts';
import {
  badgeOf,
  followLink,
  html,
  markedTexts,
  ON_TOPIC,
  waitForMarks,
  watchTab,
} from './probes.ts';

const MB = 1024 * 1024;
/** Firefox suspends this suite's background after a second idle (Chromium's is stopped outright). */
const IDLE_MS = 1000;

describeInBrowsers(
  'a long life: routes, back/forward, extension reloads, a stopped background',
  (ctx) => {
    const ledger = createLedger(import.meta.url, () => ctx.browser.name);

    ledger.fixture(
      '200 single-page-app routes: marks follow, no heap or node growth',
      async (record) => {
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        await tab.goto(ctx.server.url('/hostile/spa.html'));
        await waitForMarks(tab, 2);
        const run = (from: number, count: number) =>
          tab.evaluate(
            ({ from, count }) =>
              (
                window as unknown as { __run(f: number, c: number, g: number): Promise<void> }
              ).__run(from, count, 25),
            { from, count },
          );
        const cdp = await tab.cdp?.();
        await run(1, 20);
        await sleep(1000);
        const warm = cdp ? await memoryAfterGc(cdp) : null;
        await run(21, 179);
        // The last route (199) is Seoul talks: its names are marked, the previous route's are not.
        expect(
          await waitUntil(async () => (await markedTexts(tab)).includes('Moon Jae-in'), {
            timeout: 3000,
          }),
        ).toBe(true);
        expect(await markedTexts(tab)).not.toContain('Mike Pompeo');
        await hoverText(tab, 'Kim Yong-chol');
        expect(await waitForCard(tab, (s) => s.entryId === 'kim-yong-chol')).toBeTruthy();
        await tab.press('Escape');
        await sleep(1000);
        const after = cdp ? await memoryAfterGc(cdp) : null;
        if (warm && after) {
          record({
            heapGrowthBytes: after.heapBytes - warm.heapBytes,
            nodeGrowth: after.nodes - warm.nodes,
          });
          expect(after.heapBytes - warm.heapBytes, 'JS heap growth after GC (bytes)').toBeLessThan(
            5 * MB,
          );
          // One route is ~105 nodes; keeping old routes alive would add thousands.
          expect(after.nodes - warm.nodes, 'live DOM nodes after GC').toBeLessThan(500);
        } else record({ note: 'heap and node counts need the DevTools protocol (Chromium only)' });
        record(watch.figures());
        expect(watch.factlensErrors()).toEqual([]);
      },
    );

    ledger.fixture(
      'back/forward cache: the restored page keeps its marks and its badge',
      async (record) => {
        ctx.server.route(
          '/hostile/bf-a',
          html(`${ON_TOPIC}<p><a id="away" href="/hostile/bf-b">Next story</a></p>`, {
            head: '<script>addEventListener("pageshow", (e) => { window.__persisted = e.persisted; });</script>',
          }),
        );
        ctx.server.route(
          '/hostile/bf-b',
          html('<p>John Bolton and Mike Pompeo disagreed about Punggye-ri.</p>'),
        );
        const tab = await ctx.browser.newTab();
        const a = ctx.server.url('/hostile/bf-a');
        await tab.goto(a);
        await waitForMarks(tab, 5);
        const marks = await markedTexts(tab);
        const badge = await waitUntil(async () => (await badgeOf(ctx.browser, a)) || null);
        // Off by a link, as a reader leaves (see followLink).
        await followLink(tab, '#away', '/hostile/bf-b');
        await waitForMarks(tab, 2);
        await tab.goBack();
        // `false` if it was loaded again rather than restored; null while it is not back yet.
        const restored = await waitUntil(() =>
          tab
            .evaluate(() => {
              if (location.pathname !== '/hostile/bf-a' || document.readyState !== 'complete')
                return null;
              return (window as unknown as { __persisted?: boolean }).__persisted ?? false;
            }, undefined)
            .catch(() => null),
        );
        record({
          note: restored
            ? 'restored from the back/forward cache'
            : 'reloaded (no back/forward cache)',
        });
        expect(restored, 'the page came back from the back/forward cache').toBe(true);
        expect(
          await waitUntil(async () =>
            (await markedTexts(tab)).length === marks.length ? true : null,
          ),
        ).toBe(true);
        expect((await markedTexts(tab)).sort()).toEqual([...marks].sort());
        expect(
          await waitUntil(async () => ((await badgeOf(ctx.browser, a)) === badge ? badge : null), {
            timeout: 4000,
          }),
        ).toBe(badge);
      },
    );

    ledger.fixture(
      'reloading the extension with a card open: no invalidated-context errors, never two cards',
      async (record) => {
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        await tab.goto(ctx.server.url('/hostile/spoof.html'));
        await waitForMarks(tab, 5);
        await hoverText(tab, 'Victor Cha');
        expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
        await ctx.browser.reloadExtension();
        // Back when its pages answer again.
        await waitUntil(
          () => ctx.browser.evaluateInExtension(() => true, undefined).catch(() => false),
          { timeout: 15_000 },
        );
        await tab.bringToFront();
        // The reader goes on reading the open tab: hovers, moves away, hovers again.
        await hoverText(tab, 'Joseph Bermudez');
        await sleep(700);
        await tab.mouseMove(5, 5, 4);
        await hoverText(tab, 'John Bolton');
        await sleep(700);
        const hosts = await tab.evaluate(
          () => document.querySelectorAll('factlens-card').length,
          undefined,
        );
        await tab.goto(ctx.server.url('/hostile/spoof.html'));
        await waitForMarks(tab, 5);
        await hoverText(tab, 'Victor Cha');
        expect(
          await waitForCard(tab, (s) => s.entryId === 'victor-cha'),
          'card after a page reload',
        ).toBeTruthy();
        const hostsAfter = await tab.evaluate(
          () => document.querySelectorAll('factlens-card').length,
          undefined,
        );
        record(watch.figures());
        expect(hosts, 'card hosts in the tab after the extension reloaded').toBeLessThanOrEqual(1);
        expect(hostsAfter).toBe(1);
        expect(watch.factlensErrors()).toEqual([]);
      },
    );

    ledger.fixture(
      'a stopped background comes back: a new page gets its badge, the popup its summary',
      async (record) => {
        if (ctx.browser.stopBackground) await ctx.browser.stopBackground();
        else await sleep(IDLE_MS * 2.5);
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        ctx.server.route('/hostile/after-stop', html(ON_TOPIC));
        const url = ctx.server.url('/hostile/after-stop');
        await tab.goto(url);
        await waitForMarks(tab, 5);
        const badge = await waitUntil(async () => (await badgeOf(ctx.browser, url)) || null, {
          timeout: 5000,
        });
        expect(Number(badge), 'badge after the background was stopped').toBeGreaterThanOrEqual(5);
        const popup = await ctx.browser.openPopup(tab);
        const rows = await waitUntil(
          () =>
            popup.evaluate(
              (win) => win.document.querySelectorAll('[data-testid="entry-row"]').length,
              null,
            ),
          { timeout: 5000 },
        );
        await popup.evaluate((win) => win.close(), null);
        record({
          ...watch.figures(),
          note: ctx.browser.stopBackground
            ? 'service worker stopped'
            : `background idle for ${IDLE_MS * 2.5} ms (suspends after ${IDLE_MS})`,
        });
        expect(rows).toBe(Number(badge));
        expect(watch.factlensErrors()).toEqual([]);
      },
    );
  },
  {
    backForwardCache: true,
    reloadable: true,
    firefoxPrefs: { 'extensions.background.idle.timeout': IDLE_MS },
  },
);
