import { afterAll, beforeAll, expect } from 'vitest';
import type { TabDriver } from '../../../scripts/lib/drivers.ts';
import { startPageServer, type PageServer } from '../../../scripts/lib/server.ts';
import { describeInBrowsers } from '../support/harness.ts';
import { waitUntil } from '../support/page-helpers.ts';
import { createLedger } from './ledger.ts';
import { badgeOf, html, markedTexts, waitForMarks, watchTab } from './probes.ts';

/**
 * What each frame says and what FactLens should mark there. The frame policy (set with the
 * content script's options in entrypoints/content/index.ts): every frame of an http(s) page is
 * scanned on its own, with its own card — frames with a web address, and frames without one
 * that a matched page made (`srcdoc`, `about:blank` filled by script, `blob:`, `data:`, even
 * sandboxed with an opaque origin), judged by the origin of the page that made them. The badge
 * counts distinct entries over the whole tab, so a term named in several frames counts once.
 * Both browsers do all of it.
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
  srcdoc: {
    says: 'Moon Jae-in and Kim Yong-chol met at Panmunjom.',
    marks: ['Moon Jae-in', 'Kim Yong-chol', 'Panmunjom'],
  },
  blank: {
    says: 'Kim Jong-un and Donald Trump shook hands.',
    marks: ['Kim Jong-un', 'Donald Trump'],
  },
  blob: {
    says: 'Joseph Bermudez studied Yongbyon for CSIS.',
    marks: ['Joseph Bermudez', 'Yongbyon', 'CSIS'],
  },
  data: {
    says: 'Mike Pompeo flew to Pyongyang with Stephen Biegun.',
    marks: ['Mike Pompeo', 'Pyongyang', 'Stephen Biegun'],
  },
  sandboxed: {
    says: 'Choe Son-hui and Stephen Biegun met again.',
    marks: ['Choe Son-hui', 'Stephen Biegun'],
  },
  sandboxedSrcdoc: {
    says: 'John Bolton and Kim Yong-chol did not meet.',
    marks: ['John Bolton', 'Kim Yong-chol'],
  },
  nest1: { says: 'One level down.', marks: [] },
  nest5: {
    says: 'John Hemmings and Victor Cha wrote about Punggye-ri.',
    marks: ['John Hemmings', 'Victor Cha', 'Punggye-ri'],
  },
} as const;
type FrameName = keyof typeof FRAMES;
const DISTINCT = new Set(Object.values(FRAMES).flatMap((f) => f.marks)).size;
/** Frames the top page can read itself (same origin); the others answer when asked. */
const READABLE = ['srcdoc', 'blank', 'blob'] as const;

/**
 * A frame's document that answers `{ask: 'factlens-marks'}` with what FactLens marked in it, the
 * way tests/pages/hostile/frame.html does for frames with an address.
 */
function answering(name: FrameName): string {
  return `<p id="text">${FRAMES[name].says}</p><script>
    addEventListener('message', (e) => {
      if (!e.data || e.data.ask !== 'factlens-marks') return;
      const h = CSS.highlights.get('factlens-mention');
      const marks = h ? [...h].map((r) => r.startContainer.data.slice(r.startOffset, r.endOffset)) : [];
      top.postMessage({ frame: '${name}', marks, cards: document.querySelectorAll('factlens-card').length }, '*');
    });
  </script>`;
}

function topPage(other: PageServer): string {
  const src = (name: string, text: string, extra = '') =>
    `/hostile/frame.html?name=${name}&text=${encodeURIComponent(text)}${extra}`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return html(
    `<p id="top">${FRAMES.top.says}</p>
    <iframe name="same" src="${src('same', FRAMES.same.says)}"></iframe>
    <iframe name="cross" src="${other.url(src('cross', FRAMES.cross.says))}"></iframe>
    <iframe name="srcdoc" srcdoc="<p id=&quot;text&quot;>${FRAMES.srcdoc.says}</p>"></iframe>
    <iframe name="blank" id="blank"></iframe>
    <iframe name="blob" id="blob"></iframe>
    <iframe name="data" src="data:text/html;charset=utf-8,${encodeURIComponent(answering('data'))}"></iframe>
    <iframe name="sandboxed" sandbox="allow-scripts" src="${src('sandboxed', FRAMES.sandboxed.says)}"></iframe>
    <iframe name="sandboxedSrcdoc" sandbox="allow-scripts" srcdoc="${attr(answering('sandboxedSrcdoc'))}"></iframe>
    <iframe name="nested" src="${src('nest1', FRAMES.nest1.says, `&depth=4&last=${encodeURIComponent(FRAMES.nest5.says)}`)}"></iframe>
    <script>
      // An about:blank frame the page's script fills, as widgets and ad slots do.
      const blank = document.getElementById('blank').contentDocument;
      const p = blank.createElement('p');
      p.id = 'text';
      p.textContent = ${JSON.stringify(FRAMES.blank.says)};
      blank.body.append(p);
      const page = new Blob(['<p id="text">${FRAMES.blob.says}</p>'], { type: 'text/html' });
      document.getElementById('blob').src = URL.createObjectURL(page);
      window.__reports = {};
      addEventListener('message', (e) => { if (e.data && e.data.frame) __reports[e.data.frame] = e.data; });
    </script>`,
    { head: '<style>iframe { width: 560px; height: 90px; display: block; }</style>' },
  );
}

interface FrameReport {
  marks: string[];
  cards: number;
}

/** What FactLens marked in each frame, and how many card hosts each frame's document holds. */
function frameReports(tab: TabDriver): Promise<Record<string, FrameReport>> {
  return tab.evaluate((readable) => {
    for (const f of document.querySelectorAll('iframe'))
      f.contentWindow?.postMessage({ ask: 'factlens-marks' }, '*');
    const w = window as unknown as { __reports: Record<string, FrameReport> };
    const out: Record<string, FrameReport> = { ...w.__reports };
    for (const name of readable) {
      const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      const h = win?.CSS.highlights.get('factlens-mention');
      out[name] = {
        marks: h
          ? [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))
          : [],
        cards: win?.document.querySelectorAll('factlens-card').length ?? 0,
      };
    }
    return out;
  }, READABLE);
}

/** Where `text` is in the same-origin frame `name`, in the top page's viewport. */
function pointInFrame(tab: TabDriver, name: string, text: string) {
  return tab.evaluate(
    ({ name, text }) => {
      const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
      frame.scrollIntoView({ block: 'center' });
      const doc = frame.contentDocument!;
      const p = doc.getElementById('text')!;
      const range = doc.createRange();
      const i = p.textContent.indexOf(text);
      range.setStart(p.firstChild!, i);
      range.setEnd(p.firstChild!, i + text.length);
      const r = range.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      return {
        x: f.x + frame.clientLeft + r.x + r.width / 2,
        y: f.y + frame.clientTop + r.y + r.height / 2,
      };
    },
    { name, text },
  );
}

/** The entry of the card open in frame `name` (null if none), and the card hosts in the top page. */
function cardIn(tab: TabDriver, name: string) {
  return tab.evaluate((name) => {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
    const dialog = frame
      .contentDocument!.querySelector('factlens-card')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    const open = !!dialog && dialog.getClientRects().length > 0;
    return {
      entry: open ? dialog.getAttribute('data-entry-id') : null,
      hostsInTop: document.querySelectorAll('factlens-card').length,
    };
  }, name);
}

/** Where the button starting with `label` of the card open in frame `name` is, in the viewport. */
function cardButtonInFrame(tab: TabDriver, name: string, label: string) {
  return tab.evaluate(
    ({ name, label }) => {
      const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
      const root = frame.contentDocument!.querySelector('factlens-card')?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find((b) =>
        b.textContent?.startsWith(label),
      );
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' });
      const r = button.getBoundingClientRect();
      const f = frame.getBoundingClientRect();
      return {
        x: f.x + frame.clientLeft + r.x + r.width / 2,
        y: f.y + frame.clientTop + r.y + r.height / 2,
      };
    },
    { name, label },
  );
}

/** How many frames (the top page included) have anything marked. */
async function framesMarked(tab: TabDriver): Promise<string[]> {
  const reports = await frameReports(tab);
  const marked = Object.entries(reports)
    .filter(([, r]) => r.marks.length > 0)
    .map(([name]) => name);
  if ((await markedTexts(tab)).length > 0) marked.push('top');
  return marked.sort();
}

/** A page that writes its about:blank frame with document.open/write, as ad slots do. */
const WRITTEN = {
  first: { says: 'Stephen Biegun met Choe Son-hui.', marks: ['Stephen Biegun', 'Choe Son-hui'] },
  again: { says: 'Victor Cha wrote about Yongbyon.', marks: ['Victor Cha', 'Yongbyon'] },
};

/** What FactLens marked in the top page's frame `name` (same origin). */
function marksInFrame(tab: TabDriver, name: string): Promise<string[]> {
  return tab.evaluate((name) => {
    const frame = document.querySelector<HTMLIFrameElement>(`iframe[name="${name}"]`)!;
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    const h = win?.CSS.highlights.get('factlens-mention');
    return h
      ? [...h].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)).sort()
      : [];
  }, name);
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

      // Every frame reports what FactLens marked there, once each has been scanned.
      const expected = Object.entries(FRAMES).filter(([, f]) => f.marks.length);
      const reports = await waitUntil(
        async () => {
          const r = await frameReports(tab);
          return expected.every(([name]) => name === 'top' || (r[name]?.marks.length ?? 0) > 0)
            ? r
            : null;
        },
        { timeout: 15_000, interval: 250 },
      );
      const seen = { ...(reports ?? (await frameReports(tab))) };
      const marks: Record<string, string[]> = { top: await markedTexts(tab) };
      for (const [name, r] of Object.entries(seen)) marks[name] = r.marks;
      for (const name of ['nest2', 'nest3', 'nest4']) expect(marks[name], name).toEqual([]);
      for (const [name, frame] of Object.entries(FRAMES)) {
        expect([...(marks[name] ?? [])].sort(), `marks in the ${name} frame`).toEqual(
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
      expect(badge ?? (await badgeOf(ctx.browser, url)), `badge (distinct entries)`).toBe(
        String(DISTINCT),
      );

      // The reader hovers a mention in a frame with an address, in a srcdoc frame and in an
      // about:blank frame: each opens that frame's own card, never one in the top page.
      const hovers = [
        ['same', 'Joseph Bermudez', 'joseph-bermudez'],
        ['srcdoc', 'Kim Yong-chol', 'kim-yong-chol'],
        ['blank', 'Donald Trump', 'donald-trump'],
      ] as const;
      for (const [name, text, id] of hovers) {
        const at = await pointInFrame(tab, name, text);
        await tab.mouseMove(at.x - 40, at.y + 30, 1);
        await tab.mouseMove(at.x, at.y, 6);
        const card = await waitUntil(
          async () => {
            const c = await cardIn(tab, name);
            return c.entry ? c : null;
          },
          { timeout: 3000 },
        );
        expect(card, `the card in the ${name} frame`).toEqual({ entry: id, hostsInTop: 0 });
      }
      await tab.mouseMove(700, 5, 4);

      // One card host at most in any frame's document, none in the top page's.
      const after = await frameReports(tab);
      const hosts: Record<string, number> = {
        top: await tab.evaluate(() => document.querySelectorAll('factlens-card').length, undefined),
      };
      for (const [name, r] of Object.entries(after)) hosts[name] = r.cards;
      for (const [name, n] of Object.entries(hosts))
        expect(n, `card hosts in ${name}`).toBeLessThanOrEqual(1);
      expect(hosts.top ?? 0, 'card hosts in the top page').toBe(0);
      record({ ...watch.figures() });
      expect(watch.factlensErrors()).toEqual([]);
    },
  );

  ledger.fixture(
    '“Turn off on this site” from a card in a srcdoc frame turns off the whole page; Undo restores it',
    async (record) => {
      ctx.server.route('/hostile/frames', topPage(other));
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/frames'));
      await waitForMarks(tab, 2);
      const everyFrame = Object.keys(FRAMES)
        .filter((name) => FRAMES[name as FrameName].marks.length)
        .sort();
      const allMarked = await waitUntil(
        async () => ((await framesMarked(tab)).length === everyFrame.length ? true : null),
        { timeout: 15_000, interval: 250 },
      );
      expect(allMarked ? everyFrame : await framesMarked(tab), 'frames marked').toEqual(everyFrame);

      // The srcdoc frame has no address of its own: its rules are the page's (the top host).
      // It is made tall enough for a whole card, as an embedded article would be.
      await tab.evaluate(() => {
        document.querySelector<HTMLIFrameElement>('iframe[name="srcdoc"]')!.style.height = '420px';
      }, undefined);
      const at = await pointInFrame(tab, 'srcdoc', 'Kim Yong-chol');
      await tab.mouseMove(at.x - 40, at.y + 30, 1);
      await tab.mouseMove(at.x, at.y, 6);
      await waitUntil(async () => ((await cardIn(tab, 'srcdoc')).entry ? true : null), {
        timeout: 3000,
      });
      const turnOff = await cardButtonInFrame(tab, 'srcdoc', 'Turn off on this site');
      expect(turnOff, 'the card’s “Turn off on this site” button').not.toBeNull();
      await tab.mouseMove(turnOff!.x, turnOff!.y, 8);
      await tab.click(turnOff!.x, turnOff!.y);
      const off = await waitUntil(
        async () => ((await framesMarked(tab)).length === 0 ? true : null),
        { timeout: 5000, interval: 200 },
      );
      expect(off ? [] : await framesMarked(tab), 'frames still marked after turning off').toEqual(
        [],
      );

      // The notice in the srcdoc frame's card names the page's host and offers Undo, which
      // brings every frame back.
      const notice = await tab.evaluate(() => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe[name="srcdoc"]')!;
        const root = frame.contentDocument!.querySelector('factlens-card')?.shadowRoot;
        return root?.querySelector('[role="dialog"]')?.textContent ?? '';
      }, undefined);
      expect(notice).toContain(`FactLens is off on ${new URL(ctx.server.url('/')).hostname}.`);
      const undo = await cardButtonInFrame(tab, 'srcdoc', 'Undo');
      expect(undo, 'the notice’s Undo button').not.toBeNull();
      await tab.mouseMove(undo!.x, undo!.y, 4);
      await tab.click(undo!.x, undo!.y);
      const back = await waitUntil(
        async () => ((await framesMarked(tab)).length === everyFrame.length ? true : null),
        { timeout: 8000, interval: 250 },
      );
      expect(back ? everyFrame : await framesMarked(tab), 'frames marked after Undo').toEqual(
        everyFrame,
      );
      record({ ...watch.figures() });
      expect(watch.factlensErrors()).toEqual([]);
      await tab.close();
    },
  );

  ledger.fixture(
    'a frame written with document.open and write, while the page loads and again later, is scanned each time',
    async (record) => {
      const write = (says: string) =>
        `(() => { const d = document.querySelector('iframe[name="written"]').contentDocument;
          d.open(); d.write('<!doctype html><p id="text">' + ${JSON.stringify(says)} + '</p>'); d.close(); })();`;
      ctx.server.route(
        '/hostile/written-frame',
        html(
          `<p>${FRAMES.top.says}</p><iframe name="written"></iframe>
          <script>${write(WRITTEN.first.says)}</script>`,
        ),
      );
      const tab = await ctx.browser.newTab();
      const watch = await watchTab(tab);
      await tab.goto(ctx.server.url('/hostile/written-frame'));
      await waitForMarks(tab, 2);
      const want = (marks: string[]) => [...marks].sort().join('|');
      const first = await waitUntil(
        async () => {
          const m = await marksInFrame(tab, 'written');
          return m.join('|') === want(WRITTEN.first.marks) ? m : null;
        },
        { timeout: 5000, interval: 100 },
      );
      expect(first ?? (await marksInFrame(tab, 'written')), 'marks after the first write').toEqual(
        [...WRITTEN.first.marks].sort(),
      );

      // Long after FactLens scanned it, the page writes the frame afresh.
      await tab.evaluate((says) => {
        const d =
          document.querySelector<HTMLIFrameElement>('iframe[name="written"]')!.contentDocument!;
        d.open();
        d.write(`<!doctype html><p id="text">${says}</p>`);
        d.close();
      }, WRITTEN.again.says);
      const again = await waitUntil(
        async () => {
          const m = await marksInFrame(tab, 'written');
          return m.join('|') === want(WRITTEN.again.marks) ? m : null;
        },
        { timeout: 3000, interval: 100 },
      );
      expect(again ?? (await marksInFrame(tab, 'written')), 'marks after the rewrite').toEqual(
        [...WRITTEN.again.marks].sort(),
      );
      record({ ...watch.figures() });
      expect(watch.factlensErrors()).toEqual([]);
      await tab.close();
    },
  );
});
