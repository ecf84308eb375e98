import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { findBrowser } from './find-browser.ts';
import { CHROME_BUILD } from './paths.ts';
import { evaluateWith, popupExpression, type ExtensionBrowser, type TabDriver } from './drivers.ts';

function tabDriver(page: Page): TabDriver {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => evaluateWith(page, fn, arg),
    mouseMove: (x, y, steps = 8) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => page.close(),
  };
}

export interface ChromiumOptions {
  /** Reuse a profile (to test persistence across restarts); a fresh one otherwise. */
  profileDir?: string;
  /** Default true; `npm start` shows a window when there is a display. */
  headless?: boolean;
  /** Extra environment for the browser process (e.g. DISPLAY of a private Xvfb). */
  env?: Record<string, string>;
}

/** Debian's Chromium with the built extension loaded, as a reader would have it. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !options.profileDir;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'factlens-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: options.headless ?? true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const worker: Worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  let driverPage: Page | undefined;

  const extensionPage = async (): Promise<Page> => {
    if (driverPage && !driverPage.isClosed()) return driverPage;
    driverPage = await context.newPage();
    await driverPage.goto(base + 'options.html');
    return driverPage;
  };
  const currentWorker = () => context.serviceWorkers()[0] ?? worker;

  return {
    name: 'chromium',
    newTab: async () => tabDriver(await context.newPage()),
    async openPopup(tab) {
      const ext = await extensionPage();
      await tab.bringToFront();
      await currentWorker().evaluate('chrome.action.openPopup()');
      return { evaluate: (fn, arg) => ext.evaluate(popupExpression(fn.toString(), arg)) };
    },
    evaluateInExtension: async (fn, arg) => evaluateWith(await extensionPage(), fn, arg),
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    async close() {
      await context.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
