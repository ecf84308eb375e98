import type { ConsoleEntry, ExtensionBrowser, TabDriver } from '../../../scripts/lib/drivers.ts';
import type { Figures } from './ledger.ts';

/** Where an error comes from FactLens: its scripts, or the browser about its lost context. */
const FACTLENS_SOURCE = /-extension:\/\/|Extension context invalidated/i;
/** A request FactLens' content script started. */
const FACTLENS_INITIATOR = /-extension:\/\/[^/\s]+\/content-scripts\//;
const VIOLATION = /Content[- ]Security[- ]Policy|Trusted ?Type|TrustedHTML|TrustedScript/i;
/**
 * What the test itself loads (its page servers) and what never leaves the machine: the browser's
 * own pages and viewers, data and blob URLs, files.
 */
const LOCAL =
  /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:|file:|chrome:|chrome-untrusted:|resource:|(chrome|moz)-extension:)/;

export interface TabWatch {
  /** Everything the console said, errors first. */
  readonly entries: ConsoleEntry[];
  /** Console errors caused by FactLens. */
  factlensErrors(): ConsoleEntry[];
  /** CSP and Trusted Types violations the console reported. */
  violations(): ConsoleEntry[];
  /** Requests FactLens made: started by its scripts, or to anywhere but the test's servers. */
  factlensRequests(): string[];
  /** The figures the ledger takes from a watched tab. */
  figures(): Partial<Figures>;
}

/** Starts listening to a tab's console and network; call before it loads its page. */
export async function watchTab(tab: TabDriver): Promise<TabWatch> {
  const entries: ConsoleEntry[] = [];
  const requests: string[] = [];
  tab.onConsole((e) => entries.push(e));
  await tab.onRequest((r) => {
    if (FACTLENS_INITIATOR.test(r.initiator) || !LOCAL.test(r.url)) requests.push(r.url);
  });
  const factlensErrors = () =>
    entries.filter(
      (e) =>
        e.type === 'error' &&
        (FACTLENS_SOURCE.test(firstUrl(e.url)) || FACTLENS_SOURCE.test(e.text)),
    );
  // The browser's own favicon request under a strict policy is not FactLens'.
  const violations = () =>
    entries.filter((e) => VIOLATION.test(e.text) && !/favicon\.ico/.test(e.text));
  return {
    entries,
    factlensErrors,
    violations,
    factlensRequests: () => [...requests],
    figures: () => ({ factlensErrors: factlensErrors().length, networkRequests: requests.length }),
  };
}

/**
 * The script an error was thrown in: a location, or the first frame of a stack. A page's own
 * code that throws when FactLens touches it (a hostile constructor) is the page's error.
 */
function firstUrl(where: string): string {
  return /\b((https?|file|(chrome|moz)-extension):\/\/[^\s)]+)/.exec(where)?.[1] ?? where;
}

export interface Integrity {
  textCharsChanged: number;
  nodesAddedOutsideHost: number;
}

/**
 * How far the page's text and elements are from the page's own: the HTML as served, or, for a
 * page that builds itself in script, the `window.__built` fingerprint it took when it was done.
 */
export function pageIntegrity(tab: TabDriver): Promise<Integrity> {
  return tab.evaluate(async () => {
    const built = (window as unknown as { __built?: { elements: number; text: string } }).__built;
    let expected = built;
    if (!expected) {
      const html = await (await fetch(location.href)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expected = { elements: doc.getElementsByTagName('*').length, text: doc.body.textContent };
    }
    const text = document.body.textContent;
    let head = 0;
    const max = Math.min(text.length, expected.text.length);
    while (head < max && text.charCodeAt(head) === expected.text.charCodeAt(head)) head++;
    let tail = 0;
    while (
      tail < max - head &&
      text.charCodeAt(text.length - 1 - tail) ===
        expected.text.charCodeAt(expected.text.length - 1 - tail)
    )
      tail++;
    const host = document.querySelectorAll('factlens-card').length;
    return {
      textCharsChanged: Math.max(text.length, expected.text.length) - head - tail,
      nodesAddedOutsideHost: document.getElementsByTagName('*').length - expected.elements - host,
    };
  }, undefined);
}

/** The text of each range under `factlens-mention`, in registration order. */
export function markedTexts(tab: TabDriver): Promise<string[]> {
  return tab.evaluate(() => {
    const h = CSS.highlights.get('factlens-mention');
    return h
      ? [...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        })
      : [];
  }, undefined);
}

/** Waits until FactLens has marked at least `min` mentions; returns how many it marked. */
export async function waitForMarks(tab: TabDriver, min = 1, timeout = 8000): Promise<number> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await tab.evaluate(
      () => CSS.highlights.get('factlens-mention')?.size ?? 0,
      undefined,
    );
    if (n >= min || Date.now() > deadline) return n;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A page: `head` and `body` as given, a UTF-8 charset and a title. */
export function html(body: string, { head = '', title = 'FactLens fixture' } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

/** An on-topic paragraph naming several entries unambiguously. */
export const ON_TOPIC =
  '<p id="lede">Special Representative Stephen Biegun met Choe Son-hui before the Hanoi Summit, where Kim Jong-un and Donald Trump failed to agree on Yongbyon.</p>';

/** The toolbar badge of the tab showing `url`, as the reader sees it. */
export function badgeOf(browser: ExtensionBrowser, url: string): Promise<string> {
  return browser.evaluateInExtension(async (url) => {
    type Api = {
      tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
      action: { getBadgeText(d: { tabId: number }): Promise<string> };
    };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const api = (g.browser ?? g.chrome)!;
    const tab = (await api.tabs.query({})).find((t) => t.url === url);
    if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
    return api.action.getBadgeText({ tabId: tab.id });
  }, url);
}

/**
 * Leaves the page the way a reader does, by clicking its link `selector`, and waits until
 * `path` has loaded. (WebDriver's own navigation is not how readers leave a page, and Firefox
 * treats it differently: leaving by it kept pages out of its back/forward cache now and then.)
 */
export async function followLink(tab: TabDriver, selector: string, path: string): Promise<void> {
  const at = await tab.evaluate((selector) => {
    const link = document.querySelector(selector);
    if (!link) throw new Error(`no link ${selector} on the page`);
    link.scrollIntoView({ block: 'center' });
    const r = link.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
  await tab.mouseMove(at.x, at.y, 2);
  await tab.click(at.x, at.y);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const there = await tab
      .evaluate((path) => location.pathname === path && document.readyState === 'complete', path)
      .catch(() => false);
    if (there) return;
    if (Date.now() > deadline) throw new Error(`the link ${selector} did not lead to ${path}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
