import './highlights.css';
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from 'wxt/utils/storage';
import { INDEX } from '@/data/index';
import { createMatcher, type Matcher } from '@/utils/matcher';
import { parseToContent, type ContentSummary, type PageState } from '@/utils/messages';
import { decideSite, setSite } from '@/utils/settings/site-rules';
import { createSettingsStore } from '@/utils/settings/store';
import { Overlay } from './overlay';
import { measure, now } from './perf';
import { siteHost } from './site-host';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // The frame policy: every frame of a matched page is scanned on its own, with its own card
  // and its own report to the badge (which counts distinct entries over the tab, so a term named
  // in several frames counts once). That includes the frames without a web address of their own
  // that such a page makes — `srcdoc`, `about:blank` filled by script, `blob:`, `data:`, sandboxed
  // ones with an opaque origin too — judged by the origin of the page that made them:
  // `matchAboutBlank` and `matchOriginAsFallback` (Chromium ≥ 99, Firefox ≥ 128; both honour
  // them, and `web-ext lint` accepts them). Every frame follows the site rules of the tab's page
  // (site-host.ts). tests/e2e/hostile/frames.test.ts checks each kind.
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // WXT stops this script when a newer copy announces itself with a DOM event (after an
    // update), but any page can send that event: here it is believed only once this copy's
    // extension is gone (a page turned FactLens off with it; tests/e2e/hostile/messages).
    const scriptStarted = (
      ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }
    ).SCRIPT_STARTED_MESSAGE_TYPE;
    ctx.addEventListener(
      window,
      scriptStarted as keyof WindowEventMap,
      (e) => {
        if (browser.runtime?.id) e.stopImmediatePropagation();
      },
      { capture: true },
    );
    const store = createSettingsStore(storage);
    const host = await siteHost();
    let matcher: Matcher | null = null;
    const getMatcher = (): Matcher => {
      if (!matcher) {
        const built = now();
        matcher = createMatcher(INDEX.entries, { compiled: INDEX.matcher });
        measure('index-build', built);
      }
      return matcher;
    };
    let lastReport = '';
    const report = (entries: ContentSummary['entries'], active: boolean) => {
      const key = JSON.stringify([entries, active]);
      if (key === lastReport || ctx.isInvalid) return;
      lastReport = key;
      const msg: ContentSummary = { type: 'content:summary', entries, active };
      browser.runtime.sendMessage(msg).catch(() => undefined);
    };

    const overlay = new Overlay(
      ctx,
      INDEX,
      getMatcher,
      {
        async ignoreEntry(id) {
          await store.update((s) => ({ ...s, ignoredEntries: [...s.ignoredEntries, id] }));
          return async () =>
            void (await store.update((s) => ({
              ...s,
              ignoredEntries: s.ignoredEntries.filter((e) => e !== id),
            })));
        },
        site: host,
        async turnOffSite() {
          const before = await store.get();
          await store.set(setSite(before, host, 'host', false));
          return async () => void (await store.update((s) => setSite(s, host, 'host', true)));
        },
      },
      report,
    );

    const apply = async () => {
      const settings = await store.get();
      await overlay.apply(settings, decideSite(settings, host).on);
    };
    await apply();
    const unwatch = store.watch(() => void apply());
    ctx.onInvalidated(() => {
      overlay.stop();
      // After an update or reload, the old copy's extension APIs throw ("Extension context
      // invalidated"), which used to skip stop() above (tests/e2e/hostile/lifecycle).
      try {
        unwatch();
      } catch {
        // The listener went with the old context.
      }
    });
    // Single-page apps: a new route is a new page. The event's name is the page's to send too:
    // only a real change of address rescans (a page could otherwise buy full rescans at will).
    let scannedUrl = location.href;
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (location.href === scannedUrl) return;
      scannedUrl = location.href;
      if (overlay.active) void overlay.start();
    });

    // webextension-polyfill sends a returned promise's value as the reply.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener((raw: unknown) => {
      const msg = parseToContent(raw);
      if (!msg) return undefined;
      switch (msg.type) {
        case 'popup:get-page': {
          // Frames answer only for themselves; the popup asks the top frame.
          if (window !== window.top) return undefined;
          const state: PageState = { host, active: overlay.active, entries: overlay.counts() };
          return Promise.resolve(state);
        }
        case 'popup:show-entry':
        case 'background:show-entry':
          return Promise.resolve(overlay.showEntry(msg.id));
        case 'background:next-mention':
          return Promise.resolve(overlay.nextMention());
        case 'background:request-summary':
          // The badge forgot this page (a navigation, a back/forward restore): report again
          // even if nothing changed.
          lastReport = '';
          report(overlay.counts(), overlay.active);
          return undefined;
      }
    });
  },
});
