import { expect } from 'vitest';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, sleep, waitForCard, waitForPage } from '../support/page-helpers.ts';
import { startTrace } from './chromium-trace.ts';
import { createLedger } from './ledger.ts';
import { markedTexts, pageIntegrity, waitForMarks, watchTab } from './probes.ts';

/** Share of one core FactLens may take while a page churns (its rescan budget is 5 %). */
const CPU_SHARE = 0.1;
const CHURN_MS = 3000;

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
});
