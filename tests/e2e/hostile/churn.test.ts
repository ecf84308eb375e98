import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, sleep, waitForCard, waitForPage } from '../support/page-helpers.ts';
import { startTrace } from './chromium-trace.ts';
import { createLedger } from './ledger.ts';
import { markedTexts, pageIntegrity, waitForMarks, watchTab } from './probes.ts';

/** Share of one core FactLens may take while a page churns (its rescan budget is 5 %). */
const CPU_SHARE = 0.1;
const CHURN_MS = 3000;

const vendor = (path: string) => readFileSync(join(ROOT, 'node_modules', path), 'utf8');

describeInBrowsers('pages that never sit still', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);

  /** Opens the churn page in `mode`, runs its 3 s of churn, and measures FactLens meanwhile. */
  async function churn(
    mode: 'clear' | 'render',
    during?: (tab: Awaited<ReturnType<typeof ctx.open>>) => Promise<void>,
  ) {
    const tab = await ctx.browser.newTab();
    const watch = await watchTab(tab);
    await tab.goto(ctx.server.url(`/hostile/churn.html?${mode}`));
    await waitForMarks(tab, 6);
    const cdp = await tab.cdp?.();
    const trace = cdp ? await startTrace(cdp) : null;
    await tab.evaluate(() => (window as unknown as { __go(): void }).__go(), undefined);
    await during?.(tab);
    await waitForPage(tab, () => (window as unknown as { __done: boolean }).__done, undefined, {
      timeout: CHURN_MS + 3000,
    });
    const tasks = await trace?.stop();
    const renders = await tab.evaluate(
      () => (window as unknown as { __renders: number }).__renders,
      undefined,
    );
    return { tab, watch, tasks, renders };
  }

  ledger.fixture(
    'a page that clears CSS.highlights every 50 ms: the card still opens, marks come back, little CPU',
    async (record) => {
      const { tab, watch, tasks } = await churn('clear', async (tab) => {
        await sleep(300);
        await hoverText(tab, 'Victor Cha');
        expect(
          await waitForCard(tab, (s) => s.entryId === 'victor-cha'),
          'card while the page clears',
        ).toBeTruthy();
        await tab.mouseMove(5, 5, 4);
      });
      // Once the page stops, the marks are back at the next check.
      await sleep(600);
      expect((await markedTexts(tab)).length).toBeGreaterThanOrEqual(6);
      record({ ...(await pageIntegrity(tab)), ...watch.figures() });
      if (tasks)
        expect(tasks.totalMs / CHURN_MS, 'share of a core FactLens took').toBeLessThan(CPU_SHARE);
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  ledger.fixture(
    'a mention re-rendered every 16 ms: bounded work, the rest stays marked, marked once it settles',
    async (record) => {
      const { tab, watch, tasks, renders } = await churn('render');
      // The page kept its own pace (setInterval at 16 ms over 3 s is at most ~187 renders).
      expect(renders).toBeGreaterThan(90);
      const marks = await markedTexts(tab);
      expect(marks).toEqual(expect.arrayContaining(['Victor Cha', 'Joseph Bermudez']));
      // The ticker's last render is marked once the page is quiet.
      expect(
        await waitForPage(
          tab,
          () => {
            const h = CSS.highlights.get('factlens-mention');
            const ticker = document.getElementById('ticker')!;
            return !!h && [...h].some((r) => ticker.contains(r.startContainer));
          },
          undefined,
          { timeout: 2000 },
        ),
      ).toBe(true);
      record({ ...watch.figures() });
      if (tasks)
        expect(tasks.totalMs / CHURN_MS, 'share of a core FactLens took').toBeLessThan(CPU_SHARE);
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  ledger.fixture(
    'a server-rendered page that hydrates with a card open: no mismatch, the app works',
    async (record) => {
      ctx.server.route('/vendor/preact.mjs', vendor('preact/dist/preact.mjs'), {
        'content-type': 'text/javascript',
      });
      ctx.server.route('/vendor/hooks.mjs', vendor('preact/hooks/dist/hooks.mjs'), {
        'content-type': 'text/javascript',
      });
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/hydrate.html'));
      await waitForMarks(tab, 5);
      // The reader is reading a card when the app's code arrives and hydrates.
      await hoverText(tab, 'Victor Cha');
      expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
      expect(
        await waitForPage(
          tab,
          () => (window as unknown as { __hydrated?: boolean }).__hydrated,
          undefined,
        ),
      ).toBe(true);
      const hydration = await tab.evaluate(() => {
        const w = window as unknown as { __sameNodes: boolean; __mismatches: string[] };
        return { sameNodes: w.__sameNodes, mismatches: w.__mismatches };
      }, undefined);
      expect(hydration).toEqual({ sameNodes: true, mismatches: [] });

      // The hydrated app answers the reader's click; FactLens' marks are on the live text.
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
      ).toBe(true);
      const live = await tab.evaluate(
        () =>
          [...(CSS.highlights.get('factlens-mention') ?? [])].every(
            (r) => r.startContainer.isConnected,
          ),
        undefined,
      );
      expect(live).toBe(true);
      const marks = await markedTexts(tab);
      expect(marks).toEqual(expect.arrayContaining(['Victor Cha', 'Joseph Bermudez']));
      expect(marks.some((t) => t.includes('Stephen Biegun'))).toBe(true);
      record({ ...watch.figures() });
      expect(watch.entries.filter((e) => e.type === 'error' && !/favicon/.test(e.text))).toEqual(
        [],
      );
    },
  );
});
