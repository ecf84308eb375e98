import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, onTestFailed } from 'vitest';
import { launchChromium } from '../../../scripts/lib/chromium.ts';
import type { BrowserName } from '../../../scripts/lib/find-browser.ts';
import { launchFirefox } from '../../../scripts/lib/firefox.ts';
import { RESULTS_DIR } from '../../../scripts/lib/paths.ts';
import { startPageServer, type PageServer } from '../../../scripts/lib/server.ts';
import type { ExtensionBrowser, TabDriver } from '../../../scripts/lib/drivers.ts';
import { startVirtualDisplay, type VirtualDisplay } from './xvfb.ts';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export interface LaunchOptions {
  profileDir?: string;
  /** Run headed on this X display (for real browser-level keyboard shortcuts). */
  display?: string;
  /** Chromium: keep the back/forward cache on (Playwright turns it off). */
  backForwardCache?: boolean;
  /** Firefox: extra preferences. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Chromium: allow `reloadExtension()`. */
  reloadable?: boolean;
}

export function launchBrowser(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  const shared = {
    profileDir: options.profileDir,
    ...(options.display ? { headless: false, env: { DISPLAY: options.display } } : {}),
  };
  return name === 'chromium'
    ? launchChromium({
        ...shared,
        backForwardCache: options.backForwardCache,
        reloadable: options.reloadable,
      })
    : launchFirefox({ ...shared, prefs: options.firefoxPrefs });
}

export interface E2EContext {
  browser: ExtensionBrowser;
  server: PageServer;
  /** A new tab on `path` of the local server; screenshotted if the test fails. */
  open(path: string): Promise<TabDriver>;
  /** With `{ headed: true }`: the private X display the browser runs on. */
  display?: VirtualDisplay;
}

export interface SuiteOptions {
  /** Headed, on a private Xvfb: needed for extension keyboard commands. */
  headed?: boolean;
  /** Chromium: keep the back/forward cache on, as readers have it. */
  backForwardCache?: boolean;
  /** Firefox: extra preferences for this suite's browser. */
  firefoxPrefs?: Record<string, string | number | boolean>;
  /** Chromium: allow reloading the extension (`ctx.browser.reloadExtension()`). */
  reloadable?: boolean;
}

/**
 * Runs `body` once per real browser, each with the built extension and a local page server.
 * A failing test leaves a screenshot of its tabs in test-results/.
 */
export function describeInBrowsers(
  title: string,
  body: (ctx: E2EContext) => void,
  options: SuiteOptions = {},
): void {
  for (const name of BROWSERS) {
    describe(`${title} [${name}]`, () => {
      const tabs: TabDriver[] = [];
      const ctx = {} as E2EContext;
      beforeAll(async () => {
        ctx.server = await startPageServer();
        if (options.headed) ctx.display = await startVirtualDisplay();
        ctx.browser = await launchBrowser(name, {
          display: ctx.display?.display,
          backForwardCache: options.backForwardCache,
          firefoxPrefs: options.firefoxPrefs,
          reloadable: options.reloadable,
        });
        ctx.open = async (path) => {
          const tab = await ctx.browser.newTab();
          tabs.push(tab);
          onTestFailed(async ({ task }) => {
            mkdirSync(RESULTS_DIR, { recursive: true });
            const file = `${name}-${task.name}-${tabs.indexOf(tab)}`.replace(/[^\w.-]+/g, '_');
            await tab.screenshot(join(RESULTS_DIR, `${file}.png`)).catch(() => undefined);
          });
          await tab.goto(ctx.server.url(path));
          return tab;
        };
      });
      afterAll(async () => {
        await ctx.browser?.close();
        await ctx.server?.close();
        await ctx.display?.close();
      });
      body(ctx);
    });
  }
}
