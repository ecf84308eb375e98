import { afterAll, beforeAll, expect } from 'vitest';
import { startPageServer, type PageServer } from '../../../scripts/lib/server.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { sleep, waitForPage, waitUntil } from '../support/page-helpers.ts';
import { createLedger } from './ledger.ts';
import { badgeOf, html, markedTexts, waitForMarks, watchTab } from './probes.ts';

/**
 * What each frame says and what FactLens should mark there. The frame policy: every frame with a
 * web address is scanned on its own (`all_frames`), each with its own card; frames without one
 * (`srcdoc`, `about:blank` written by script) are not, as the manifest asks for no
 * `match_about_blank`. The badge counts distinct entries over the whole tab.
 */
const FRAMES = {
  top: {
    says: 'Stephen Biegun and Victor Cha discussed the talks.',
    marks: ['Stephen Biegun', 'Victor Cha'],
  },
  same: {
    says: 'Victor Cha and Joseph Bermudez compared notes.',
    marks: ['Victor Cha', 'Joseph Bermudez'],
  },
  cross: { says: 'Mike Pompeo and John Bolton disagreed.', marks: ['Mike Pompeo', 'John Bolton'] },
  sandboxed: {
    says: 'Choe Son-hui and Stephen Biegun met again.',
    marks: ['Choe Son-hui', 'Stephen Biegun'],
  },
  srcdoc: { says: 'Moon Jae-in and Kim Yong-chol met.', marks: [] },
  blank: { says: 'Kim Jong-un and Donald Trump shook hands.', marks: [] },
  nest1: { says: 'One level down.', marks: [] },
  nest5: {
    says: 'John Hemmings and Victor Cha wrote about Punggye-ri.',
    marks: ['John Hemmings', 'Victor Cha', 'Punggye-ri'],
  },
} as const;
const DISTINCT = new Set(Object.values(FRAMES).flatMap((f) => f.marks)).size;

function topPage(other: PageServer): string {
  const src = (name: string, text: string, extra = '') =>
    `/hostile/frame.html?name=${name}&text=${encodeURIComponent(text)}${extra}`;
  return html(
    `<p id="top">${FRAMES.top.says}</p>
    <iframe name="same" src="${src('same', FRAMES.same.says)}"></iframe>
    <iframe name="cross" src="${other.url(src('cross', FRAMES.cross.says))}"></iframe>
    <iframe name="srcdoc" srcdoc="<p>${FRAMES.srcdoc.says}</p>"></iframe>
    <iframe name="blank" id="blank"></iframe>
    <iframe name="sandboxed" sandbox="allow-scripts" src="${src('sandboxed', FRAMES.sandboxed.says)}"></iframe>
    <iframe name="nested" src="${src('nest1', FRAMES.nest1.says, `&depth=4&last=${encodeURIComponent(FRAMES.nest5.says)}`)}"></iframe>
    <script>
      const blank = document.getElementById('blank').contentDocument;
      blank.open(); blank.write('<p>${FRAMES.blank.says}</p>'); blank.close();
      window.__reports = {};
      addEventListener('message', (e) => { if (e.data && e.data.frame) __reports[e.data.frame] = e.data.marks; });
    </script>`,
    { head: '<style>iframe { width: 560px; height: 130px; display: block; }</style>' },
  );
}

describeInBrowsers('frames', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);
  let other: PageServer;
  beforeAll(async () => void (other = await startPageServer()));
  afterAll(() => other?.close());

  ledger.fixture(
    'each frame scanned per the frame policy, one card per frame, no double counting in the badge',
    async (record) => {
      ctx.server.route('/hostile/frames', topPage(other));
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      const url = ctx.server.url('/hostile/frames');
      await tab.goto(url);
      await waitForMarks(tab, 2);

      // Every frame reports what FactLens marked there; the script-written ones are read directly.
      const reports = await waitUntil(
        async () => {
          const r = await tab.evaluate(() => {
            for (const f of document.querySelectorAll('iframe'))
              f.contentWindow!.postMessage({ ask: 'factlens-marks' }, '*');
            const w = window as unknown as { __reports: Record<string, string[]> };
            for (const name of ['srcdoc', 'blank']) {
              const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
              const h = (
                frame.contentWindow as (Window & typeof globalThis) | null
              )?.CSS.highlights.get('factlens-mention');
              w.__reports[name] = h
                ? [...h].map((r) =>
                    (r.startContainer as Text).data.slice(r.startOffset, r.endOffset),
                  )
                : [];
            }
            return w.__reports;
          }, undefined);
          const full = ['same', 'cross', 'nest5'].every((k) => (r[k]?.length ?? 0) > 0);
          return full ? r : null;
        },
        { timeout: 10_000, interval: 250 },
      );
      expect(reports, 'every frame answered').toBeTruthy();
      const seen: Record<string, string[]> = { ...reports, top: await markedTexts(tab) };
      for (const name of ['nest2', 'nest3', 'nest4']) expect(seen[name], name).toEqual([]);
      for (const [name, frame] of Object.entries(FRAMES)) {
        expect([...(seen[name] ?? [])].sort(), `marks in the ${name} frame`).toEqual(
          [...frame.marks].sort(),
        );
      }

      // Distinct entries over the tab, each once however many frames name it.
      const badge = await waitUntil(
        async () => {
          const b = await badgeOf(ctx.browser, url);
          return b === String(DISTINCT) ? b : null;
        },
        { timeout: 4000 },
      );
      const shown = badge ?? (await badgeOf(ctx.browser, url));

      // The reader's hover in the same-origin frame opens that frame's card, not the top's.
      const at = await tab.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe[name="same"]')!;
        const doc = frame.contentDocument!;
        const p = doc.getElementById('text')!;
        const range = doc.createRange();
        const i = p.textContent.indexOf('Joseph Bermudez');
        range.setStart(p.firstChild!, i);
        range.setEnd(p.firstChild!, i + 15);
        const r = range.getBoundingClientRect();
        const f = frame.getBoundingClientRect();
        return { x: f.x + r.x + r.width / 2, y: f.y + r.y + r.height / 2 };
      }, undefined);
      await tab.mouseMove(at.x - 40, at.y + 30, 1);
      await tab.mouseMove(at.x, at.y, 6);
      const cards = await waitForPage(
        tab,
        () => {
          const frame = document.querySelector<HTMLIFrameElement>('iframe[name="same"]')!;
          const inFrame = frame
            .contentDocument!.querySelector('factlens-card')
            ?.shadowRoot?.querySelector('[role="dialog"]');
          const id = inFrame?.getAttribute('data-entry-id');
          return id
            ? { inFrame: id, inTop: document.querySelectorAll('factlens-card').length }
            : null;
        },
        undefined,
      );
      await sleep(100);
      record({ ...watch.figures() });
      expect(shown, `badge (distinct entries: ${DISTINCT})`).toBe(String(DISTINCT));
      expect(cards).toEqual({ inFrame: 'joseph-bermudez', inTop: 0 });
      expect(watch.factlensErrors()).toEqual([]);
    },
  );
});
