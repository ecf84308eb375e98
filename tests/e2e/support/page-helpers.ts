import type { TabDriver } from '../../../scripts/lib/drivers.ts';

/** Polls `fn(arg)` in the page until it returns something truthy; the last value otherwise. */
export async function waitForPage<A, R>(
  tab: TabDriver,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  { timeout = 5000, interval = 50 } = {},
): Promise<R> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await tab.evaluate(fn, arg);
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
}

export async function waitUntil<R>(
  probe: () => Promise<R>,
  { timeout = 5000, interval = 50 } = {},
): Promise<R> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The text of every range registered under each FactLens highlight name, as the page sees them. */
export function readHighlights(tab: TabDriver): Promise<Record<string, string[]>> {
  return tab.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const name of ['factlens-mention', 'factlens-active']) {
      const h = CSS.highlights.get(name);
      if (!h) continue;
      out[name] = [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    }
    return out;
  }, undefined);
}

/**
 * Scrolls the `nth` occurrence of `text` into view and returns the centre of its first line box,
 * in viewport coordinates.
 */
export function locateText(
  tab: TabDriver,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  return tab.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const data = (n as Text).data;
        for (let i = data.indexOf(text); i >= 0; i = data.indexOf(text, i + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + text.length);
          (n.parentElement ?? document.body).scrollIntoView({ block: 'center' });
          const rect = range.getClientRects()[0]!;
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      throw new Error(`"${text}" is not on the page`);
    },
    { text, nth },
  );
}

/** Moves the real mouse onto `text` from a short distance away, the way a hand would. */
export async function hoverText(
  tab: TabDriver,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number }> {
  const at = await locateText(tab, text, nth);
  await tab.mouseMove(at.x - 40, at.y + 30, 1);
  await tab.mouseMove(at.x, at.y, 6);
  return at;
}

export interface CardState {
  open: boolean;
  entryId: string | null;
  heading: string | null;
  text: string;
  focusedInside: boolean;
}

/** What the hover card shows, read through its open shadow root. */
export function readCard(tab: TabDriver): Promise<CardState> {
  return tab.evaluate(() => {
    const host = document.querySelector('factlens-card');
    const root = host?.shadowRoot;
    const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
    const visible =
      !!dialog &&
      dialog.getClientRects().length > 0 &&
      getComputedStyle(dialog).visibility !== 'hidden';
    const labelId = dialog?.getAttribute('aria-labelledby');
    return {
      open: visible,
      entryId: visible ? (dialog?.getAttribute('data-entry-id') ?? null) : null,
      heading: visible && labelId ? (root?.getElementById(labelId)?.textContent ?? null) : null,
      text: visible ? (dialog?.textContent ?? '') : '',
      focusedInside: !!root?.activeElement,
    };
  }, undefined);
}

export function waitForCard(tab: TabDriver, want: (c: CardState) => boolean, timeout = 3000) {
  return waitUntil(
    async () => {
      const c = await readCard(tab);
      return want(c) ? c : null;
    },
    { timeout },
  );
}

/** The centre of the open card, in viewport coordinates. */
export function cardCentre(tab: TabDriver): Promise<{ x: number; y: number } | null> {
  return tab.evaluate(() => {
    const dialog = document
      .querySelector('factlens-card')
      ?.shadowRoot?.querySelector('[role="dialog"]');
    const r = dialog?.getBoundingClientRect();
    return r ? { x: r.left + r.width / 2, y: r.top + Math.min(40, r.height / 2) } : null;
  }, undefined);
}

/** Element count and text of the page as the page itself sees them. */
export function pageFingerprint(tab: TabDriver): Promise<{ elements: number; text: string }> {
  return tab.evaluate(
    () => ({
      elements: document.getElementsByTagName('*').length,
      text: document.body.textContent ?? '',
    }),
    undefined,
  );
}

/** The same, for the page's HTML as served (parsed without scripts or extensions). */
export function servedFingerprint(tab: TabDriver): Promise<{ elements: number; text: string }> {
  return tab.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { elements: doc.getElementsByTagName('*').length, text: doc.body.textContent ?? '' };
  }, undefined);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
