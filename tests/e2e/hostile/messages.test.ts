import { expect } from 'vitest';
import type { ExtensionBrowser, TabDriver } from '../../../scripts/lib/drivers.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, sleep, waitForCard } from '../support/page-helpers.ts';
import { createLedger } from './ledger.ts';
import { badgeOf, markedTexts, pageIntegrity, waitForMarks, watchTab } from './probes.ts';

/** What the reader could notice: the page's marks, the card, the settings and the badge. */
interface Seen {
  marks: string;
  /** Whether the marks are the same range objects as before (no rescan was bought). */
  sameRanges: boolean;
  active: string;
  card: string | null;
  cardText: string;
  settings: string;
  badge: string;
}

async function look(browser: ExtensionBrowser, tab: TabDriver, url: string): Promise<Seen> {
  const page = await tab.evaluate(() => {
    const w = window as unknown as { __seen?: AbstractRange[] };
    const ranges = [...(CSS.highlights.get('factlens-mention') ?? [])];
    const sameRanges =
      !!w.__seen && w.__seen.length === ranges.length && ranges.every((r, i) => r === w.__seen![i]);
    w.__seen = ranges;
    const texts = (list: AbstractRange[]) =>
      list
        .map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        })
        .join('|');
    const dialog = document
      .querySelector('factlens-card')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    return {
      marks: texts(ranges),
      sameRanges,
      active: texts([...(CSS.highlights.get('factlens-active') ?? [])]),
      card: dialog?.getAttribute('data-entry-id') ?? null,
      cardText: dialog?.textContent ?? '',
    };
  }, undefined);
  const settings = await browser.evaluateInExtension(async () => {
    const g = globalThis as unknown as {
      browser?: { storage: { sync: { get(k: null): Promise<unknown> } } };
      chrome?: { storage: { sync: { get(k: null): Promise<unknown> } } };
    };
    return JSON.stringify(await (g.browser ?? g.chrome)!.storage.sync.get(null));
  }, undefined);
  return { ...page, settings, badge: await badgeOf(browser, url) };
}

describeInBrowsers('pages that impersonate FactLens or its reader', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);

  ledger.fixture('spoofed messages, events and synthetic clicks change nothing', async (record) => {
    const tab = await ctx.browser.newTab();
    const watch = await watchTab(tab);
    const url = ctx.server.url('/hostile/spoof.html');
    await tab.goto(url);
    await waitForMarks(tab, 6);
    // The reader rests on a mention; its card stays open through everything the page does.
    await hoverText(tab, 'Victor Cha');
    expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
    await sleep(300);
    const before = await look(ctx.browser, tab, url);
    expect(before.badge).not.toBe('');

    const id = await ctx.browser.evaluateInExtension(() => {
      const g = globalThis as unknown as { browser?: { runtime: { id: string } } };
      return (
        g.browser ?? (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome
      ).runtime.id;
    }, undefined);
    const spoofs = await tab.evaluate(
      () => Object.keys((window as unknown as { __spoofs: object }).__spoofs),
      undefined,
    );
    const accepted: Array<{ spoof: string; changed: string[] }> = [];
    for (const spoof of spoofs) {
      await tab.evaluate(
        ({ spoof, id }) =>
          (window as unknown as { __spoofs: Record<string, (id: string) => void> }).__spoofs[
            spoof
          ]!(id),
        { spoof, id },
      );
      await sleep(350);
      const after = await look(ctx.browser, tab, url);
      const changed = (Object.keys(before) as Array<keyof Seen>).filter((k) =>
        k === 'sameRanges' ? !after.sameRanges : after[k] !== before[k],
      );
      if (changed.length) accepted.push({ spoof, changed });
    }

    const integrity = await pageIntegrity(tab);
    // Still alive and still the reader's: new text is marked, the real Escape closes the card.
    await tab.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Moon Jae-in spoke with Kim Yong-chol at Panmunjom.';
      document.body.append(p);
    }, undefined);
    for (let i = 0; i < 30 && !(await markedTexts(tab)).includes('Moon Jae-in'); i++)
      await sleep(100);
    expect(await markedTexts(tab)).toContain('Moon Jae-in');
    await tab.press('Escape');
    expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();

    record({
      ...watch.figures(),
      ...integrity,
      spoofsTried: spoofs.length,
      spoofsAccepted: accepted.length,
    });
    expect(spoofs.length).toBeGreaterThanOrEqual(14);
    expect(accepted).toEqual([]);
    expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
    expect(watch.factlensErrors()).toEqual([]);
  });
});
