/**
 * `npm start [-- URL] [--browser chromium|firefox] [--headless] [--screenshot out.png] [--hover TEXT]`
 *
 * Builds the extension if its sources changed, serves the demo page on 127.0.0.1 and opens a
 * browser with FactLens loaded on it (or on URL). With --screenshot it waits for the highlights,
 * optionally hovers TEXT to open its card, writes the picture and exits.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.ts';
import type { ExtensionBrowser } from './lib/drivers.ts';
import { launchFirefox } from './lib/firefox.ts';
import { CHROME_BUILD, FIREFOX_BUILD, ROOT } from './lib/paths.ts';
import { startPageServer } from './lib/server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    browser: { type: 'string', default: 'chromium' },
    headless: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
    hover: { type: 'string' },
  },
});
const target = values.browser === 'firefox' ? 'firefox' : 'chromium';
if (values.browser !== target) {
  console.error(`Unknown --browser "${values.browser}": use chromium or firefox.`);
  process.exit(1);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'generated') continue;
    const path = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const manifest = join(target === 'firefox' ? FIREFOX_BUILD : CHROME_BUILD, 'manifest.json');
  const sources = ['entrypoints', 'components', 'utils', 'data', 'public']
    .map((d) => join(ROOT, d))
    .filter(existsSync);
  const stale =
    !existsSync(manifest) ||
    Math.max(...sources.map(newestMtime), statSync(join(ROOT, 'wxt.config.ts')).mtimeMs) >
      statSync(manifest).mtimeMs;
  if (!stale) return;
  console.error('FactLens: building…');
  execSync('npm run -s build', { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
}

buildIfNeeded();
const server = await startPageServer();
const url = positionals[0] ?? server.url('/demo.html');
const headless = values.headless || !!values.screenshot || !process.env.DISPLAY;
if (!values.headless && !values.screenshot && !process.env.DISPLAY) {
  console.error(
    'FactLens: no display found; running headless (pass --screenshot to see the page).',
  );
}

const browser: ExtensionBrowser =
  target === 'firefox' ? await launchFirefox({ headless }) : await launchChromium({ headless });
const tab = await browser.newTab();
await tab.goto(url);
console.error(`FactLens: ${target} is showing ${url}`);

if (values.screenshot) {
  await tab.evaluate(async () => {
    for (let i = 0; i < 60 && !CSS.highlights.get('factlens-mention')?.size; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }, undefined);
  if (values.hover) {
    const at = await tab.evaluate((text) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + text.length);
        n.parentElement?.scrollIntoView({ block: 'center' });
        const r = range.getClientRects()[0];
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }
      return null;
    }, values.hover);
    if (!at) console.error(`FactLens: "${values.hover}" is not on the page; no card to show.`);
    else {
      await tab.mouseMove(at.x, at.y, 6);
      await new Promise((r) => setTimeout(r, 900));
    }
  }
  await tab.screenshot(values.screenshot);
  console.error(`FactLens: screenshot written to ${values.screenshot}`);
  await browser.close();
  await server.close();
} else {
  console.error('FactLens: close the browser or press Ctrl+C to stop.');
  const stop = async () => {
    await browser.close().catch(() => undefined);
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
