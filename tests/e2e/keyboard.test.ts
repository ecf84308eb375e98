import { expect, it } from 'vitest';
import { describeInBrowsers } from './support/harness.ts';
import { readCard, readHighlights, waitForCard, waitForPage } from './support/page-helpers.ts';

// Extension commands are browser-level shortcuts: they need a headed browser and real X11 keys.
describeInBrowsers(
  'the keyboard path',
  (ctx) => {
    it('Alt+Shift+J goes to the next mention, opens its card with focus inside; Esc returns focus', async () => {
      const tab = await ctx.open('/demo.html');
      await waitForPage(
        tab,
        () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
        undefined,
      );
      await tab.bringToFront();
      // The reader was on the page's title link before; focus must come back there.
      await tab.evaluate(() => {
        const h1 = document.getElementById('title')!;
        h1.tabIndex = 0;
        h1.focus();
      }, undefined);

      ctx.display!.key('alt+shift+j');
      const first = await waitForCard(tab, (s) => s.open && s.focusedInside, 5000);
      expect(first, 'a card opened with focus inside').toBeTruthy();
      const active = (await readHighlights(tab))['factlens-active'];
      expect(active).toHaveLength(1);

      ctx.display!.key('alt+shift+j');
      const second = await waitForCard(
        tab,
        (s) => s.open && JSON.stringify(s) !== JSON.stringify(first),
        5000,
      );
      expect(second, 'the command moved to another mention').toBeTruthy();
      expect((await readHighlights(tab))['factlens-active']).not.toEqual(active);

      // Tab stays inside the card's controls.
      await tab.press('Tab');
      expect((await readCard(tab)).focusedInside).toBe(true);

      await tab.press('Escape');
      expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();
      expect(await tab.evaluate(() => document.activeElement?.id, undefined)).toBe('title');
    });
  },
  { headed: true },
);
