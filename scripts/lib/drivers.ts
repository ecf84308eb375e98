import type { BrowserName } from './find-browser.ts';

/** A console message or uncaught error seen in a tab: its page, its frames, its content scripts. */
export interface ConsoleEntry {
  /** 'error', 'warning', 'log', … ('error' for uncaught exceptions too). */
  type: string;
  text: string;
  /** The script the message came from, when the browser says (an extension URL for FactLens). */
  url: string;
}

/** A raw DevTools protocol session on one tab (Chromium only: heap, tracing, counters). */
export interface CdpSession {
  send<R = unknown>(method: string, params?: Record<string, unknown>): Promise<R>;
  on(event: string, listener: (params: unknown) => void): void;
}

/** A tab, driven with real input. The same shape over Playwright (Chromium) and Puppeteer (Firefox). */
export interface TabDriver {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page's main world (what the page's own scripts see). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A key or chord, e.g. "Escape", "Tab", "Alt+Shift+J". */
  press(key: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
  /** The browser's Back button; resolves once the tab shows the previous address (maybe still loading). */
  goBack(): Promise<void>;
  /** Calls `listener` with every console message and uncaught error from now on. */
  onConsole(listener: (entry: ConsoleEntry) => void): void;
  /**
   * Calls `listener` with every request the tab's top document makes from now on, with the
   * script URLs that started it when the browser says (Chromium; empty in Firefox).
   */
  onRequest(listener: (request: { url: string; initiator: string }) => void): Promise<void>;
  /** Chromium only: a DevTools protocol session on this tab. */
  cdp?(): Promise<CdpSession>;
}

/** The toolbar popup opened over a tab, reached through an extension page (getViews). */
export interface PopupDriver {
  /** Runs `fn(popupWindow, arg)`; fn must be self-contained (it is serialised). */
  evaluate<A, R>(fn: (win: Window, arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  newTab(): Promise<TabDriver>;
  /** Opens the real toolbar popup over `tab` (it becomes the active tab first). */
  openPopup(tab: TabDriver): Promise<PopupDriver>;
  /** Runs fn in an extension page (extension APIs available as `browser`/`chrome`). */
  evaluateInExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** moz-extension:// or chrome-extension:// URL of a bundled page. */
  extensionUrl(path: string): string;
  /** Reloads the extension from its build folder, as an update or the developer's Reload does. */
  reloadExtension(): Promise<void>;
  /** Chromium only: stops the extension's service worker, as the browser does when it idles. */
  stopBackground?(): Promise<void>;
  close(): Promise<void>;
}

/** Serialises `fn` to run against the popup window from an extension page. */
export function popupExpression(fn: string, arg: unknown): string {
  return `(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const deadline = Date.now() + 5000;
    let win;
    while (!(win = api.extension.getViews({ type: 'popup' })[0])) {
      if (Date.now() > deadline) throw new Error('The FactLens popup did not open.');
      await new Promise((r) => setTimeout(r, 50));
    }
    if (win.document.readyState !== 'complete') await new Promise((r) => win.addEventListener('load', r, { once: true }));
    return (${fn})(win, ${JSON.stringify(arg)});
  })()`;
}

type LooseEvaluate = (fn: unknown, arg: unknown) => Promise<unknown>;

/** Playwright's and Puppeteer's evaluate differ only in their typings; both take (fn, arg). */
export function evaluateWith<A, R>(
  target: { evaluate: unknown },
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  return (target.evaluate as LooseEvaluate).call(target, fn, arg) as Promise<R>;
}
