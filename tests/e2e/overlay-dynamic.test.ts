import { expect, it } from 'vitest';
import { describeInBrowsers } from './support/harness.ts';
import {
  hoverText,
  readCard,
  readHighlights,
  waitForCard,
  waitForPage,
} from './support/page-helpers.ts';

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

const ON_TOPIC =
  '<p>Special Representative Stephen Biegun met Choe Son-hui before the Hanoi Summit, where Kim Jong-un and Donald Trump failed to agree.</p>';

const marked = async (tab: Parameters<typeof readHighlights>[0]) =>
  (await readHighlights(tab))['factlens-mention'] ?? [];

describeInBrowsers('pages that change', (ctx) => {
  it('highlights text appended later, an SPA route and infinite scroll within 500 ms', async () => {
    ctx.server.route(
      '/spa',
      page(
        `<main id="app">${ON_TOPIC}</main>`,
        `<script>
          window.addMore = () => { const p = document.createElement('p'); p.textContent = 'Satellite images of Sohae show the rail-mounted transfer structure rebuilt.'; document.getElementById('app').append(p); };
          window.route = () => { history.pushState({}, '', '/spa/next'); document.getElementById('app').innerHTML = '<h2>Next</h2><p>Victor Cha and Joseph Bermudez of CSIS briefed reporters on Yongbyon.</p>'; };
          window.scrollMore = () => { for (let i = 0; i < 3; i++) { const p = document.createElement('p'); p.textContent = 'Item ' + i + ': Mike Pompeo and John Bolton disagreed about Punggye-ri.'; document.body.append(p); } };
        </script>`,
      ),
    );
    const tab = await ctx.open('/spa');
    expect(
      await waitForPage(
        tab,
        () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 3,
        undefined,
      ),
    ).toBe(true);

    const timed = async (action: string, want: string) => {
      await tab.evaluate(
        (name) => (window as unknown as Record<string, () => void>)[name]!(),
        action,
      );
      const started = Date.now();
      const ok = await waitForPage(
        tab,
        (text) => {
          const h = CSS.highlights.get('factlens-mention');
          return (
            !!h &&
            [...h].some((r) => {
              const range = document.createRange();
              range.setStart(r.startContainer, r.startOffset);
              range.setEnd(r.endContainer, r.endOffset);
              return range.toString() === text;
            })
          );
        },
        want,
        { timeout: 2000, interval: 20 },
      );
      return { ok, ms: Date.now() - started };
    };
    for (const [action, want] of [
      ['addMore', 'Sohae'],
      ['route', 'Joseph Bermudez'],
      ['scrollMore', 'Punggye-ri'],
    ] as const) {
      const { ok, ms } = await timed(action, want);
      expect(ok, `${want} after ${action}`).toBe(true);
      // 500 ms is the budget; polling and the round trip add a little on a loaded machine.
      expect(ms, `${want} after ${action}`).toBeLessThan(650);
    }
    // The old route's text is gone, and so are its highlights.
    expect(await marked(tab)).not.toContain('Stephen Biegun');
  });

  it('puts its highlights back when the page clears the registry', async () => {
    const tab = await ctx.open('/demo.html');
    await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
      undefined,
    );
    await tab.evaluate(() => CSS.highlights.clear(), undefined);
    const back = await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
      undefined,
      {
        timeout: 2000,
      },
    );
    expect(back).toBe(true);
  });

  it('never marks editable regions or code, and shows page text only as text', async () => {
    ctx.server.route(
      '/mixed',
      page(`${ON_TOPIC}
        <textarea id="ta">Stephen Biegun in a textarea</textarea>
        <input id="in" value="Victor Cha in an input">
        <div contenteditable="true">Joseph Bermudez in an editor</div>
        <pre>Sohae Satellite Launching Station in pre</pre>
        <p><code>Yongbyon</code> in code</p>
        <p id="evil">&lt;img src=x onerror="window.__pwned=1"&gt; Stephen Beigun &lt;script&gt;window.__pwned=2&lt;/script&gt;</p>`),
    );
    const tab = await ctx.open('/mixed');
    await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 3,
      undefined,
    );
    const list = await marked(tab);
    expect(list).not.toContain('Victor Cha');
    expect(list).not.toContain('Joseph Bermudez');
    expect(list).not.toContain('Sohae Satellite Launching Station');
    expect(list).not.toContain('Yongbyon');
    expect(list).toContain('Stephen Beigun');
    // The paragraph's Biegun is marked; the textarea's is not.
    expect(list.filter((t) => t.includes('Biegun'))).toHaveLength(1);

    await hoverText(tab, 'Stephen Beigun');
    const card = await waitForCard(tab, (s) => s.entryId === 'stephen-biegun');
    expect(card!.text).toContain('Stephen Beigun');
    expect(
      await tab.evaluate(
        () => (window as unknown as { __pwned?: number }).__pwned ?? null,
        undefined,
      ),
    ).toBeNull();
    expect(
      await tab.evaluate(
        () =>
          document.querySelector('factlens-card')!.shadowRoot!.querySelectorAll('img, script')
            .length,
        undefined,
      ),
    ).toBe(0);
  });

  it('keeps the card readable under hostile page CSS', async () => {
    ctx.server.route(
      '/hostile-css',
      page(
        ON_TOPIC,
        `<style>
          * { all: unset !important; }
          html, body { display: block !important; font: 16px serif !important; }
          p { display: block !important; }
          *, *::before { z-index: 2147483647 !important; position: relative !important; }
          factlens-card, factlens-card * { display: none !important; opacity: 0 !important; }
          :root { filter: invert(0) !important; }
        </style>`,
      ),
    );
    const tab = await ctx.open('/hostile-css');
    await waitForPage(
      tab,
      () => (CSS.highlights.get('factlens-mention')?.size ?? 0) > 0,
      undefined,
    );
    await hoverText(tab, 'Stephen Biegun');
    const card = await waitForCard(tab, (s) => s.entryId === 'stephen-biegun');
    expect(card).toBeTruthy();
    const box = await tab.evaluate(() => {
      const dialog = document
        .querySelector('factlens-card')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
      const r = dialog.getBoundingClientRect();
      const topmost = document.elementFromPoint(r.left + r.width / 2, r.top + 20);
      return { width: r.width, height: r.height, onTop: topmost?.tagName.toLowerCase() };
    }, undefined);
    expect(box.width).toBeGreaterThan(200);
    expect(box.width).toBeLessThanOrEqual(362);
    expect(box.height).toBeGreaterThan(80);
    expect(box.onTop).toBe('factlens-card');
    const opacity = await tab.evaluate(async () => {
      await new Promise((r) => setTimeout(r, 300)); // past the entrance animation
      const dialog = document
        .querySelector('factlens-card')!
        .shadowRoot!.querySelector('[role="dialog"]')!;
      return getComputedStyle(dialog).opacity;
    }, undefined);
    expect(opacity).toBe('1');
    await tab.screenshot(`test-results/${ctx.browser.name}-hostile-css-card.png`);
    expect((await readCard(tab)).heading).toBe('Stephen Biegun');
  });
});
