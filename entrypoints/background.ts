import { browser, type Browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { INDEX } from '@/data/index';
import { createBadgeTracker } from '@/utils/badge';
import {
  classifySender,
  MAX_QUERY_LENGTH,
  parseLookup,
  parseToBackground,
  type Lookup,
  type SiteAnswer,
  type ToContent,
} from '@/utils/messages';
import { createEntrySearch, type EntrySearch } from '@/utils/search';
import { normalizeHost } from '@/utils/settings/model';
import { setSite, toggleSite } from '@/utils/settings/site-rules';
import { createSettingsStore } from '@/utils/settings/store';

const MENU_TURN_OFF = 'factlens-turn-off-site';
const MENU_LOOK_UP = 'factlens-look-up';
const WEB_PAGES = ['http://*/*', 'https://*/*'];
const BADGE_COLOR = '#8a4b08';
/** A lookup waits this long for the popup that shows it. */
const LOOKUP_TTL_MS = 60_000;
const LOOKUP_KEY = 'session:pending-lookup' as const;

interface PendingLookup extends Lookup {
  tabId: number;
  at: number;
}

function hostOfUrl(url: string | undefined): string | null {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? normalizeHost(parsed.hostname)
      : null;
  } catch {
    return null;
  }
}

function toContent(tabId: number, msg: ToContent, frameId?: number): Promise<unknown> {
  const options = frameId === undefined ? undefined : { frameId };
  return browser.tabs.sendMessage(tabId, msg, options).catch(() => undefined);
}

async function tabOf(tab: Browser.tabs.Tab | undefined): Promise<Browser.tabs.Tab | undefined> {
  return tab?.id !== undefined
    ? tab
    : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
}

/**
 * Wiring only: the badge counts, the context menu, the keyboard commands and the lookup hand-off
 * to the popup. Everything that must outlive this worker (MV3 stops it when idle) is in storage.
 */
export default defineBackground(() => {
  const store = createSettingsStore(storage);
  const badge = createBadgeTracker({
    session: {
      get: (key) => storage.getItem(`session:${key}`),
      set: (key, value) => storage.setItem(`session:${key}`, value),
      remove: (key) => storage.removeItem(`session:${key}`),
    },
    // The tab may have closed since: nothing to show then.
    setBadgeText: (tabId, text) =>
      browser.action.setBadgeText({ tabId, text }).catch(() => undefined),
    knownIds: new Set(INDEX.entries.map((e) => e.id)),
  });
  let search: EntrySearch | null = null;
  const bestMatch = (query: string) =>
    (search ??= createEntrySearch(INDEX.entries)).search(query, 1)[0]?.entry ?? null;
  // Kept in memory too: the popup asks for it the moment it opens, maybe before storage has it.
  let pendingLookup: PendingLookup | null = null;

  const setUp = () => {
    void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: MENU_TURN_OFF,
        title: 'Turn FactLens off on this site',
        contexts: ['page'],
        documentUrlPatterns: WEB_PAGES,
      });
      browser.contextMenus.create({
        id: MENU_LOOK_UP,
        title: "Look up '%s' in FactLens",
        contexts: ['selection'],
        documentUrlPatterns: WEB_PAGES,
      });
    });
  };
  browser.runtime.onInstalled.addListener(setUp);
  browser.runtime.onStartup.addListener(setUp);

  /**
   * Shows a lookup in the popup. Firefox opens a popup only straight from the reader's click;
   * after a round trip to the page it refuses, and the button then says there is something to see.
   */
  const openLookup = (tabId: number, lookup: Lookup) => {
    pendingLookup = { ...lookup, tabId, at: Date.now() };
    void storage.setItem(LOOKUP_KEY, pendingLookup);
    browser.action.openPopup().catch(async () => {
      await browser.action.setBadgeText({ tabId, text: '?' });
      await browser.action.setTitle({ tabId, title: `FactLens: click to see “${lookup.query}”` });
    });
  };

  const takeLookup = async (tabId: number): Promise<Lookup | null> => {
    const stored: unknown = pendingLookup ?? (await storage.getItem(LOOKUP_KEY));
    const lookup = parseLookup(stored);
    const pending = stored as Partial<PendingLookup> | null;
    if (!lookup || pending?.tabId !== tabId) return null;
    pendingLookup = null;
    await storage.removeItem(LOOKUP_KEY);
    await browser.action.setTitle({ tabId, title: 'FactLens' });
    await badge.refresh(tabId);
    return Date.now() - (pending.at ?? 0) <= LOOKUP_TTL_MS ? lookup : null;
  };

  /** The best match's card on the page where it is mentioned; in the popup otherwise. */
  const lookUp = (tabId: number, frameId: number, selection: string) => {
    const query = selection.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
    if (!query) return;
    const entry = bestMatch(query);
    if (!entry) return openLookup(tabId, { query, entryId: null });
    void toContent(tabId, { type: 'background:show-entry', id: entry.id }, frameId).then(
      (shown) => {
        if (shown !== true) openLookup(tabId, { query, entryId: entry.id });
      },
    );
  };

  browser.contextMenus.onClicked.addListener((info, tab) => {
    const tabId = tab?.id;
    if (tabId === undefined || tabId < 0) return;
    if (info.menuItemId === MENU_LOOK_UP)
      lookUp(tabId, info.frameId ?? 0, info.selectionText ?? '');
    if (info.menuItemId === MENU_TURN_OFF) {
      const host = hostOfUrl(info.pageUrl ?? tab?.url);
      if (host) void store.update((s) => setSite(s, host, 'host', false));
    }
  });

  browser.commands.onCommand.addListener((command, commandTab) => {
    void (async () => {
      const tab = await tabOf(commandTab);
      if (tab?.id === undefined) return;
      if (command === 'next-mention')
        await toContent(tab.id, { type: 'background:next-mention' }, 0);
      if (command === 'toggle-site') {
        const host = hostOfUrl(tab.url);
        if (host) await store.update((s) => toggleSite(s, host));
      }
    })();
  });

  browser.runtime.onMessage.addListener(
    (raw: unknown, sender, respond: (answer: unknown) => void) => {
      const msg = parseToBackground(raw);
      const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (msg?.type === 'content:summary' && from.kind === 'content') {
        void badge.report(from.tabId, from.frameId, msg);
      }
      if (msg?.type === 'content:get-site' && from.kind === 'content') {
        const host = hostOfUrl(sender.tab?.url);
        if (host) respond({ host } satisfies SiteAnswer);
        return undefined;
      }
      // Only our own pages may take a lookup; anyone else gets no answer at all.
      if (msg?.type === 'popup:take-lookup' && from.kind === 'extension-page') {
        void takeLookup(msg.tabId).then(respond);
        return true; // the answer comes asynchronously
      }
      return undefined;
    },
  );

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page (or, in Chrome, a same-page navigation) is starting: its frames report afresh.
    if (change.status === 'loading') void badge.navigated(tabId);
    if (change.status === 'complete') {
      // Chrome resets a tab's badge on navigation; pages restored from the back/forward cache
      // or moved by a single-page app do not rerun their scripts, so ask them to report again.
      void badge.refresh(tabId);
      void toContent(tabId, { type: 'background:request-summary' });
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void badge.closed(tabId));

  // The popup's "Allow FactLens on <site>": the content script starts with the page, so load it
  // again. The popup itself may have closed while the browser asked.
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void browser.tabs.query({ active: true }).then((tabs) => {
      for (const tab of tabs) {
        const url = tab.url ? new URL(tab.url) : null;
        if (tab.id !== undefined && url && origins.includes(`${url.protocol}//${url.hostname}/*`)) {
          void browser.tabs.reload(tab.id);
        }
      }
    });
  });
});
