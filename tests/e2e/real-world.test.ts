import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { PAGES_DIR } from '../../scripts/lib/paths.ts';
import { createLedger } from './hostile/ledger.ts';
import { markedTexts, pageIntegrity, watchTab } from './hostile/probes.ts';
import { describeInBrowsers } from './support/harness.ts';
import { hoverText, sleep, waitForCard } from './support/page-helpers.ts';

/**
 * The built extension over a corpus of news-style pages (tests/pages/real-world, see its README):
 * no page error, no change to the page, nothing marked on pages that are not about the field, and
 * on pages that are, the names a reader would look up marked, with a working card.
 */
const CORPUS = readdirSync(join(PAGES_DIR, 'real-world')).filter((f) => f.endsWith('.html'));

/** On-topic pages: names that must be marked (as substrings of marks), and one to hover. */
const EXPECTED: Record<string, { marked: string[]; hover: [text: string, id: string] }> = {
  'on-analysis-after-hanoi.html': {
    marked: ['Stephen Biegun', 'Yongbyon', 'Hanoi Summit', 'rail-mounted transfer structure'],
    hover: ['Yongbyon', 'yongbyon'],
  },
  'on-imagery-report-sohae.html': {
    marked: ['Sohae Satellite Launching Station', 'Joseph Bermudez', 'Victor Cha'],
    hover: ['Joseph Bermudez', 'joseph-bermudez'],
  },
  'on-wire-biegun-stanford.html': {
    marked: ['Stephen Biegun', 'Yongbyon', 'Kim Jong Un'],
    hover: ['Stephen Biegun', 'stephen-biegun'],
  },
  'on-live-blog-summit.html': {
    marked: ['Kim Yong-chol', 'Mike Pompeo', 'John Bolton', 'Hanoi Summit'],
    hover: ['Kim Yong-chol', 'kim-yong-chol'],
  },
  'on-oped-maximum-pressure.html': {
    marked: ['maximum pressure', 'provocation cycle', 'step-by-step approach'],
    hover: ['provocation cycle', 'provocation-cycle'],
  },
};

/** Waits until FactLens' marks on the page stop changing; returns them. */
async function settledMarks(tab: Parameters<typeof markedTexts>[0]): Promise<string[]> {
  let last = '';
  for (let stable = 0, i = 0; stable < 3 && i < 40; i++) {
    await sleep(120);
    const now = JSON.stringify(await markedTexts(tab));
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
  return JSON.parse(last) as string[];
}

describeInBrowsers('real-world pages', (ctx) => {
  const ledger = createLedger(import.meta.url, () => ctx.browser.name);

  for (const file of CORPUS) {
    const expected = EXPECTED[file];
    const about = file.startsWith('on-') ? 'on topic' : 'off topic';
    ledger.fixture(
      `${file} (${about}): no error, page unchanged, ${expected ? 'its names marked' : 'nothing marked'}`,
      async (record) => {
        const tab = await ctx.browser.newTab();
        const watch = await watchTab(tab);
        await tab.goto(ctx.server.url(`/real-world/${file}`));
        const marks = await settledMarks(tab);
        if (expected) {
          for (const name of expected.marked) {
            expect(
              marks.some((m) => m.includes(name)),
              `“${name}” marked on ${file}`,
            ).toBe(true);
          }
          await hoverText(tab, expected.hover[0]);
          expect(
            await waitForCard(tab, (s) => s.entryId === expected.hover[1]),
            `card for ${expected.hover[0]}`,
          ).toBeTruthy();
          await tab.press('Escape');
          await waitForCard(tab, (s) => !s.open);
        }
        const integrity = await pageIntegrity(tab);
        // Every console error counts here (these pages have no failing scripts of their own),
        // except the browser's request for a favicon the test server does not have.
        const errors = watch.entries.filter(
          (e) => e.type === 'error' && !/favicon/.test(e.url + e.text),
        );
        record({
          ...integrity,
          ...watch.figures(),
          ...(!expected && marks.length ? { note: `${file} marked ${marks.join(', ')}` } : {}),
        });
        await tab.close();
        if (!expected) expect(marks, `marks on an off-topic page (${file})`).toEqual([]);
        expect(integrity).toEqual({ textCharsChanged: 0, nodesAddedOutsideHost: 0 });
        expect(errors).toEqual([]);
        expect(watch.factlensRequests()).toEqual([]);
      },
    );
  }
});
