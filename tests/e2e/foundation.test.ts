import { expect, it } from 'vitest';
import { describeInBrowsers } from './support/harness.ts';
import { waitForPage } from './support/page-helpers.ts';

describeInBrowsers('the built extension', (ctx) => {
  it('runs its content script on a local page, and a setting changed in the popup reaches it live', async () => {
    const tab = await ctx.open('/demo.html');
    const registered = await waitForPage(
      tab,
      () => CSS.highlights.has('factlens-mention'),
      undefined,
    );
    expect(registered).toBe(true);

    const popup = await ctx.browser.openPopup(tab);
    const heading = await popup.evaluate(
      (win) => win.document.querySelector('h1')?.textContent,
      null,
    );
    expect(heading).toContain('FactLens');

    await popup.evaluate((win) => {
      win.document.querySelector<HTMLButtonElement>('[data-testid="global-toggle"]')!.click();
    }, null);
    const cleared = await waitForPage(
      tab,
      () => !CSS.highlights.has('factlens-mention'),
      undefined,
    );
    expect(cleared).toBe(true);
  });
});
