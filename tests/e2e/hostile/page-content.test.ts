import { expect } from 'vitest';
import { describeInBrowsers } from '../support/harness.ts';
import { hoverText, locateText, readCard, sleep, waitForCard } from '../support/page-helpers.ts';
import { createLedger } from './ledger.ts';
import { html, markedTexts, ON_TOPIC, pageIntegrity, waitForMarks, watchTab } from './probes.ts';

/** Elements that page text must never become inside the card. */
const ACTIVE_MARKUP = 'img, script, svg, iframe, object, embed, style:not(:first-child), a[href]';

/** A page that records every CSP or Trusted Types violation it is told about. */
const VIOLATION_PROBE = `<script nonce="probe">window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));
document.addEventListener('DOMContentLoaded', () => { window.__built = { elements: document.getElementsByTagName('*').length, text: document.body.textContent }; });</script>`;
const STRICT =
  "default-src 'none'; script-src 'nonce-probe'; require-trusted-types-for 'script'; trusted-types 'none'";

describeInBrowsers('hostile page content', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);

  ledger.fixture(
    'script-like text in body, title, attributes, RTL and a 10,000-character word stays text',
    async (record) => {
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/script-text.html'));
      expect(await waitForMarks(tab, 5)).toBeGreaterThanOrEqual(5);
      const marked = await markedTexts(tab);
      expect(marked).toContain('Stephen Beigun');
      expect(marked).toContain('Joseph Bermudez');
      // The name beside the 10,000-character word is still found; the word is not a name.
      expect(marked.filter((t) => t.includes('Biegun')).length).toBeGreaterThanOrEqual(2);
      expect(marked.every((t) => t.length < 60)).toBe(true);

      await hoverText(tab, 'Stephen Beigun');
      const card = await waitForCard(tab, (s) => s.entryId === 'stephen-biegun');
      expect(card, 'the card for the misspelt name').toBeTruthy();
      expect(card!.text).toContain('Beigun');
      const inCard = await tab.evaluate(
        (sel) => document.querySelector('factlens-card')!.shadowRoot!.querySelectorAll(sel).length,
        ACTIVE_MARKUP,
      );
      expect(inCard, 'page text turned into elements in the card').toBe(0);

      // The popup over the same page (whose title is script-like) shows text only, too.
      const popup = await ctx.browser.openPopup(tab);
      const popupMarkup = await popup.evaluate(
        (win, sel) => win.document.querySelectorAll(sel).length,
        'img[src="x"], iframe, object, embed',
      );
      expect(popupMarkup).toBe(0);
      await popup.evaluate((win) => win.close(), null);

      await tab.bringToFront();
      await tab.press('Escape');
      await waitForCard(tab, (s) => !s.open);
      const fired = await tab.evaluate(
        () => (window as unknown as { __fired: string[] }).__fired,
        undefined,
      );
      const integrity = await pageIntegrity(tab);
      record({ ...integrity, ...watch.figures(), canariesFired: fired.length });
      expect(fired, 'canaries called by page text').toEqual([]);
      expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  ledger.fixture(
    'a page that rewrites built-ins and claims <factlens-card> gets the same highlights and a working card',
    async (record) => {
      const plain = await ctx.open('/hostile/builtins.html?plain');
      await waitForMarks(plain, 5);
      const expected = await markedTexts(plain);
      // Same layout on both pages: where the mouse goes is measured where it is safe to measure.
      const at = await locateText(plain, 'Stephen Biegun');
      await plain.close();
      expect(expected.length).toBeGreaterThanOrEqual(5);

      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/builtins.html'));
      // While the page's built-ins are broken (2.5 s), touch it only with the real mouse.
      await sleep(900);
      await tab.mouseMove(at.x - 40, at.y + 30, 1);
      await tab.mouseMove(at.x, at.y, 6);
      await sleep(1200);
      // Until the page restores them, even the driver's own evaluation may trip on its built-ins.
      for (let restored = false, tries = 0; !restored && tries < 40; tries++) {
        restored = await tab
          .evaluate(
            () => (window as unknown as { __restored?: boolean }).__restored === true,
            undefined,
          )
          .catch(() => false);
        if (!restored) await sleep(100);
      }

      expect((await markedTexts(tab)).sort()).toEqual([...expected].sort());
      const card = await readCard(tab);
      expect(card.entryId, 'the card opened while the built-ins were broken').toBe(
        'stephen-biegun',
      );
      expect(card.heading).toBe('Stephen Biegun');
      expect(
        await tab.evaluate(() => document.querySelectorAll('factlens-card').length, undefined),
      ).toBe(1);
      await tab.press('Escape');
      await waitForCard(tab, (s) => !s.open);
      const integrity = await pageIntegrity(tab);
      record({ ...integrity, ...watch.figures() });
      expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  for (const where of ['header', 'meta tag'] as const) {
    ledger.fixture(
      `strict CSP and Trusted Types in a ${where}: highlights and card work, no violation`,
      async (record) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${STRICT}">`;
        const path = `/hostile/csp-${where === 'header' ? 'header' : 'meta'}`;
        ctx.server.route(
          path,
          html(
            `${ON_TOPIC}<p>Victor Cha and Joseph Bermudez studied the Sohae launch facility.</p>`,
            {
              head: where === 'header' ? VIOLATION_PROBE : meta + VIOLATION_PROBE,
            },
          ),
          where === 'header' ? { 'content-security-policy': STRICT } : {},
        );
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        await tab.goto(ctx.server.url(path));
        expect(await waitForMarks(tab, 4)).toBeGreaterThanOrEqual(4);
        await hoverText(tab, 'Victor Cha');
        expect(await waitForCard(tab, (s) => s.entryId === 'victor-cha')).toBeTruthy();
        // The card's own style sheet applied: a fixed, narrow card, not unstyled page flow.
        const box = await tab.evaluate(() => {
          const d = document
            .querySelector('factlens-card')!
            .shadowRoot!.querySelector('[role="dialog"]')!;
          const r = d.getBoundingClientRect();
          const close = d
            .querySelector<HTMLElement>('button[aria-label="Close"]')!
            .getBoundingClientRect();
          return {
            width: r.width,
            position: getComputedStyle(d).position,
            x: close.x + close.width / 2,
            y: close.y + close.height / 2,
          };
        }, undefined);
        expect(box.position).toBe('fixed');
        expect(box.width).toBeGreaterThan(200);
        expect(box.width).toBeLessThanOrEqual(362);
        // The reader's own click on Close works under the policy.
        await tab.mouseMove(box.x, box.y, 8);
        await tab.click(box.x, box.y);
        expect(await waitForCard(tab, (s) => !s.open)).toBeTruthy();

        const reported = await tab.evaluate(
          () => (window as unknown as { __violations: string[] }).__violations,
          undefined,
        );
        const violations = [
          ...reported.filter((v) => !v.includes('favicon.ico')),
          ...watch.violations().map((e) => e.text),
        ];
        const integrity = await pageIntegrity(tab);
        record({ ...integrity, ...watch.figures(), violations: violations.length });
        expect(violations).toEqual([]);
        expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
        expect(watch.factlensErrors()).toEqual([]);
      },
    );
  }
});
