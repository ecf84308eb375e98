/**
 * Chromium for the overlay bench, driven through Playwright with CDP access (heap, tracing),
 * which the shared launcher's TabDriver does not expose. The flags are those of
 * scripts/lib/chromium.ts; `extensionDir` loads an unpacked build, or none for the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findBrowser } from '../lib/find-browser.ts';
import { CHROMIUM_ARGS } from '../lib/chromium.ts';

export interface BenchBrowser {
  context: BrowserContext;
  /** A fresh tab (the previous one is closed, so runs do not share a page). */
  freshPage(): Promise<{ page: Page; cdp: CDPSession }>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(extensionDir?: string): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'factlens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser('chromium'),
    headless: true,
    viewport: { width: 1200, height: 800 },
    ...(extensionDir ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    args: [
      ...(extensionDir
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      ...CHROMIUM_ARGS,
    ],
  });
  try {
    if (extensionDir && !context.serviceWorkers()[0]) {
      await context.waitForEvent('serviceworker', { timeout: 20_000 });
    }
  } catch (error) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let current: Page | undefined;
  return {
    context,
    async freshPage() {
      const previous = current;
      current = await context.newPage();
      await previous?.close();
      for (const other of context.pages()) if (other !== current) await other.close();
      return { page: current, cdp: await context.newCDPSession(current) };
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `fn(arg)` in the page's main world. The function is sent as source text; tsx compiles
 * named inner functions into `__name(...)` calls, so a local no-op `__name` is provided.
 */
export function inPage<A, R>(page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return page.evaluate<R>(callSource(fn, arg));
}

function callSource<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): string {
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
}

/**
 * Runs `fn(arg)` in a new isolated world of the page's main frame: the conditions of a content
 * script (its own JS wrappers for every DOM node it touches), without being one.
 */
export async function inNewIsolatedWorld<A, R>(
  cdp: CDPSession,
  fn: (arg: A) => R,
  arg: A,
): Promise<R> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: `factlens-bench-${Date.now()}-${Math.random()}`,
  });
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: callSource(fn, arg),
    contextId: executionContextId,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`In the isolated world: ${exceptionDetails.text}`);
  return result.value as R;
}

export interface HeapUsage {
  /** V8 heap of the page's renderer isolate (main world and the content script's world). */
  js: number;
  /** Blink's C++ heap (DOM objects, ranges, highlights), when Chromium reports it. */
  embedder: number;
}

/** Heap in use after two full garbage collections. */
export async function heapAfterGc(cdp: CDPSession): Promise<HeapUsage> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number;
    embedderHeapUsedSize?: number;
  };
  await cdp.send('HeapProfiler.disable');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? Number.NaN };
}
