import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser.ts';
import { CHROME_BUILD } from './paths.ts';
import {
  evaluateWith,
  popupExpression,
  type CdpSession,
  type ExtensionBrowser,
  type TabDriver,
} from './drivers.ts';

async function cdpSession(context: BrowserContext, page: Page): Promise<CdpSession> {
  const session = await context.newCDPSession(page);
  type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;
  type On = (event: string, listener: (params: unknown) => void) => void;
  return {
    send: <R>(method: string, params?: Record<string, unknown>) =>
      (session.send as unknown as Send).call(session, method, params) as Promise<R>,
    on: (event, listener) => (session.on as unknown as On).call(session, event, listener),
  };
}

function tabDriver(page: Page, context: BrowserContext): TabDriver {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => evaluateWith(page, fn, arg),
    mouseMove: (x, y, steps = 8) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
    goBack: async () => {
      // A page restored from the back/forward cache fires no load event: wait for the address.
      const before = page.url();
      void page.goBack({ timeout: 10_000 }).catch(() => undefined);
      for (let i = 0; i < 200 && page.url() === before; i++)
        await new Promise((r) => setTimeout(r, 25));
    },
    onConsole(listener) {
      page.on('console', (m) =>
        listener({ type: m.type(), text: m.text(), url: m.location().url }),
      );
      page.on('pageerror', (e) =>
        listener({ type: 'error', text: `${e.name}: ${e.message}`, url: e.stack ?? '' }),
      );
    },
    async onRequest(listener) {
      const cdp = await cdpSession(context, page);
      cdp.on('Network.requestWillBeSent', (params) => {
        const { request, initiator } = params as {
          request: { url: string };
          initiator: { url?: string; stack?: { callFrames: Array<{ url: string }> } };
        };
        const frames = initiator.stack?.callFrames.map((f) => f.url) ?? [];
        listener({ url: request.url, initiator: [initiator.url ?? '', ...frames].join(' ') });
      });
      await cdp.send('Network.enable');
    },
    cdp: () => cdpSession(context, page),
  };
}

export interface ChromiumOptions {
  /** Reuse a profile (to test persistence across restarts); a fresh one otherwise. */
  profileDir?: string;
  /** Default true; `npm start` shows a window when there is a display. */
  headless?: boolean;
  /** Extra environment for the browser process (e.g. DISPLAY of a private Xvfb). */
  env?: Record<string, string>;
  /** Keep the back/forward cache on (Playwright turns it off by default), as readers have it. */
  backForwardCache?: boolean;
  /** Allow `reloadExtension()` (a DevTools port and the Extensions protocol domain). */
  reloadable?: boolean;
}

/**
 * Flags for Debian's Chromium as root on a machine without a network: no sandbox or GPU, and no
 * background connections (they are refused here, many at a time).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/** Debian's Chromium with the built extension loaded, as a reader would have it. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !options.profileDir;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'factlens-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: options.headless ?? true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ignoreDefaultArgs: [
      '--disable-extensions',
      ...(options.backForwardCache ? ['--disable-back-forward-cache'] : []),
    ],
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      ...CHROMIUM_ARGS,
      ...(options.reloadable
        ? ['--enable-unsafe-extension-debugging', '--remote-debugging-port=0']
        : []),
    ],
  });
  const worker: Worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  let driverPage: Page | undefined;

  const extensionPage = async (): Promise<Page> => {
    // A reload of the extension takes its pages with it: check the page still is one of ours.
    if (driverPage && !driverPage.isClosed()) {
      const origin = await driverPage.evaluate('location.origin + "/"').catch(() => '');
      if (origin === base) return driverPage;
      await driverPage.close().catch(() => undefined);
    }
    driverPage = await context.newPage();
    await driverPage.goto(base + 'options.html');
    return driverPage;
  };
  const currentWorker = () => context.serviceWorkers()[0] ?? worker;

  return {
    name: 'chromium',
    newTab: async () => tabDriver(await context.newPage(), context),
    async openPopup(tab) {
      const ext = await extensionPage();
      await tab.bringToFront();
      await currentWorker().evaluate('chrome.action.openPopup()');
      return { evaluate: (fn, arg) => ext.evaluate(popupExpression(fn.toString(), arg)) };
    },
    evaluateInExtension: async (fn, arg) => evaluateWith(await extensionPage(), fn, arg),
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    async stopBackground() {
      const page = await extensionPage();
      const cdp = await cdpSession(context, page);
      const { targetInfos } = await cdp.send<{
        targetInfos: Array<{ targetId: string; type: string; url: string }>;
      }>('Target.getTargets');
      for (const t of targetInfos) {
        if (t.type === 'service_worker' && t.url.startsWith(base)) {
          await cdp.send('Target.closeTarget', { targetId: t.targetId });
        }
      }
    },
    async reloadExtension() {
      // chrome.runtime.reload() leaves an extension loaded from the command line disabled;
      // loading the same folder again is the developer's Reload button (same id).
      if (!options.reloadable) throw new Error('launch Chromium with { reloadable: true }');
      const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      const remote = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      try {
        const cdp = await remote.newBrowserCDPSession();
        await (cdp.send as (m: string, p: object) => Promise<unknown>)('Extensions.loadUnpacked', {
          path: CHROME_BUILD,
        });
      } finally {
        await remote.close();
      }
    },
    async close() {
      await context.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
