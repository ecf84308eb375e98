import { expect, it } from 'vitest';
import type { TabDriver } from '../../scripts/lib/drivers.ts';
import { describeInBrowsers } from './support/harness.ts';
import { hoverText, readHighlights, waitForCard, waitForPage } from './support/page-helpers.ts';

/** Clicks a button of the open card, by its visible text, with the real mouse. */
async function clickCardButton(tab: TabDriver, text: string): Promise<void> {
  const at = await tab.evaluate((label) => {
    const root = document.querySelector('factlens-card')!.shadowRoot!;
    const button = [...root.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith(label),
    );
    if (!button) throw new Error(`no "${label}" button in the card`);
    button.scrollIntoView({ block: 'nearest' });
    const r = button.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, text);
  await tab.mouseMove(at.x, at.y, 8);
  await tab.click(at.x, at.y);
}

const mentionCount = () => CSS.highlights.get('factlens-mention')?.size ?? 0;

describeInBrowsers('the card’s actions', (ctx) => {
  it('“Don’t highlight” hides that term at once, is saved, and can be undone', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
      undefined,
    );
    const before = await tab.evaluate(mentionCount, undefined);
    await hoverText(tab, 'Victor Cha');
    await waitForCard(tab, (s) => s.entryId === 'victor-cha');
    await clickCardButton(tab, 'Don’t highlight');

    expect(await waitForCard(tab, (s) => s.text.includes('won’t highlight'))).toBeTruthy();
    await waitForPage(tab, (n) => (CSS.highlights.get('factlens-mention')?.size ?? 0) < n, before);
    expect((await readHighlights(tab))['factlens-mention']).not.toContain('Victor Cha');
    const saved = await ctx.browser.evaluateInExtension(async () => {
      const api = (
        globalThis as unknown as {
          browser: { storage: { sync: { get(k: string): Promise<Record<string, unknown>> } } };
        }
      ).browser;
      const { settings } = (await api.storage.sync.get('settings')) as {
        settings?: { ignoredEntries?: string[] };
      };
      return settings?.ignoredEntries ?? [];
    }, undefined);
    expect(saved).toContain('victor-cha');

    await clickCardButton(tab, 'Undo');
    await waitForPage(
      tab,
      (n) => (CSS.highlights.get('factlens-mention')?.size ?? 0) === n,
      before,
    );
    expect((await readHighlights(tab))['factlens-mention']).toContain('Victor Cha');
  });

  it('“Turn off on this site” clears every highlight live and Undo brings them back', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
      undefined,
    );
    await hoverText(tab, 'Joseph Bermudez');
    await waitForCard(tab, (s) => s.entryId === 'joseph-bermudez');
    await clickCardButton(tab, 'Turn off on this site');

    expect(await waitForPage(tab, () => !CSS.highlights.has('factlens-mention'), undefined)).toBe(
      true,
    );
    const card = await waitForCard(tab, (s) => s.text.includes('FactLens is off on 127.0.0.1'));
    expect(card, 'the card stays to offer Undo').toBeTruthy();

    await clickCardButton(tab, 'Undo');
    expect(
      await waitForPage(
        tab,
        () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
        undefined,
      ),
    ).toBe(true);
    await tab.press('Escape');
    expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();
  });
});
