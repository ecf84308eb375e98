import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from './find-browser.ts';
import { FIREFOX_BUILD } from './paths.ts';
import { evaluateWith, popupExpression, type ExtensionBrowser, type TabDriver } from './drivers.ts';

const ADDON_ID = 'factlens@factlens.dev';
// Pinned so that tests know the moz-extension:// address in advance.
const ADDON_UUID = '6f1c1d3e-2c8a-4b6e-9a51-2f0a8b7c1d10';

async function pressChord(page: Page, chord: string): Promise<void> {
  const keys = chord.split('+') as Array<Parameters<Page['keyboard']['down']>[0]>;
  for (const k of keys) await page.keyboard.down(k);
  for (const k of [...keys].reverse()) await page.keyboard.up(k);
}

function tabDriver(page: Page): TabDriver {
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    evaluate: (fn, arg) => evaluateWith(page, fn, arg),
    mouseMove: (x, y, steps = 8) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => pressChord(page, key),
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
    onRequest(listener) {
      page.on('request', (r) => listener({ url: r.url(), initiator: '' }));
      return Promise.resolve();
    },
    onConsole(listener) {
      page.on('console', (m) =>
        listener({ type: m.type(), text: m.text(), url: m.location().url ?? '' }),
      );
      page.on('pageerror', (e) => {
        const error = e instanceof Error ? e : new Error(String(e));
        listener({
          type: 'error',
          text: `${error.name}: ${error.message}`,
          url: error.stack ?? '',
        });
      });
    },
  };
}

export interface FirefoxOptions {
  profileDir?: string;
  headless?: boolean;
  env?: Record<string, string>;
  /** Extra preferences (e.g. a short `extensions.background.idle.timeout`). */
  prefs?: Record<string, string | number | boolean>;
}

/** Debian's Firefox ESR over WebDriver BiDi with the built extension installed. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionBrowser> {
  const ownProfile = !options.profileDir;
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'factlens-firefox-'));
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: options.headless ?? true,
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    userDataDir: profile,
    defaultViewport: { width: 1200, height: 800 },
    extraPrefsFirefox: {
      ...options.prefs,
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
    // Lets WebDriver open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
  });
  await browser.installExtension(FIREFOX_BUILD);
  const base = `moz-extension://${ADDON_UUID}/`;
  let driverPage: Page | undefined;

  const extensionPage = async (): Promise<Page> => {
    // A reload of the extension takes its pages with it: check the page still is one of ours.
    if (driverPage && !driverPage.isClosed()) {
      const origin = await driverPage.evaluate('location.origin + "/"').catch(() => '');
      if (origin === base) return driverPage;
      await driverPage.close().catch(() => undefined);
    }
    const page = await browser.newPage();
    // Firefox never reports this navigation as finished over BiDi: wait for the DOM instead.
    page.goto(base + 'options.html').catch(() => undefined);
    // Polled by hand: while the page is still about:blank, BiDi's evaluate can throw a protocol
    // error, which would end puppeteer's waitForFunction at once.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const ready = await page
        .evaluate(
          () => document.readyState === 'complete' && location.protocol === 'moz-extension:',
        )
        .catch(() => false);
      if (ready) break;
      if (Date.now() > deadline) throw new Error('The FactLens extension page did not load.');
      await new Promise((r) => setTimeout(r, 100));
    }
    driverPage = page;
    return page;
  };

  return {
    name: 'firefox',
    newTab: async () => tabDriver(await browser.newPage()),
    async openPopup(tab) {
      const ext = await extensionPage();
      await tab.bringToFront();
      await ext.evaluate('browser.action.openPopup()');
      return {
        evaluate: (fn, arg) => ext.evaluate(popupExpression(fn.toString(), arg)) as Promise<never>,
      };
    },
    evaluateInExtension: async (fn, arg) => evaluateWith(await extensionPage(), fn, arg),
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    async reloadExtension() {
      const ext = await extensionPage();
      await ext.evaluate('browser.runtime.reload()').catch(() => undefined);
    },
    async close() {
      await browser.close();
      if (ownProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
