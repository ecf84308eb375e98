import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { classifySender, parseToBackground, type Lookup } from '@/utils/messages';
import { derivePopupStatus, type PageAnswer, type TabAddress } from '@/utils/popup-status';
import type { Settings, SiteScope } from '@/utils/settings/model';
import { decideSite } from '@/utils/settings/site-rules';
import { createSettingsStore } from '@/utils/settings/store';
import { askPage, findActiveTab, hasHostAccess, takeLookup } from './tab-probe';

export const settingsStore = createSettingsStore(storage);

export interface PopupState {
  tabId: number | null;
  address: TabAddress | null;
  settings: Settings | null;
  hostAccess: boolean | null;
  page: PageAnswer;
  lookup: Lookup | null;
  scope: SiteScope | null;
}

/**
 * Gathers what the popup shows and keeps it live: settings from storage (any context may change
 * them), and the page's summary as its content script reports it after each scan.
 */
export function usePopupState() {
  const [state, setState] = useState<PopupState>({
    tabId: null,
    address: null,
    settings: null,
    hostAccess: null,
    page: undefined,
    lookup: null,
    scope: null,
  });
  const patch = (change: Partial<PopupState>) => setState((s) => ({ ...s, ...change }));

  useEffect(() => {
    void settingsStore.get().then((settings) => patch({ settings }));
    const unwatch = settingsStore.watch((settings) => patch({ settings }));
    let tabId: number | null = null;
    const onMessage = (raw: unknown, sender: Parameters<typeof classifySender>[0]) => {
      const msg = parseToBackground(raw);
      const from = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
      if (msg?.type !== 'content:summary' || from.kind !== 'content') return undefined;
      if (from.tabId !== tabId || from.frameId !== 0) return undefined;
      // The top frame's report after each scan keeps the summary live (the site just turned on).
      setState((s) => ({
        ...s,
        page: {
          host: s.page && s.page !== 'no-answer' ? s.page.host : '',
          active: msg.active,
          entries: msg.entries,
        },
      }));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    void (async () => {
      const tab = await findActiveTab();
      if (!tab) return patch({ address: { kind: 'unreadable', reason: 'browser-page', host: '' } });
      tabId = tab.id;
      patch({ tabId: tab.id, address: tab.address });
      const [hostAccess, page, lookup] = await Promise.all([
        hasHostAccess(tab.address),
        askPage(tab.id),
        takeLookup(tab.id),
      ]);
      // No address but an answer: the browser hid the address, the page itself told us its host.
      const hidden = tab.address.kind === 'unreadable' && tab.address.reason === 'browser-page';
      const address: TabAddress =
        hidden && page && page !== 'no-answer'
          ? { kind: 'web', host: page.host, origin: '', pdf: false }
          : tab.address;
      patch({ address, hostAccess, page, lookup });
    })();
    return () => {
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  const status = derivePopupStatus(state);
  // Until the reader picks one, the scope is that of the rule in force (or just this host).
  const decision = state.settings && status.host ? decideSite(state.settings, status.host) : null;
  const scope: SiteScope = state.scope ?? decision?.rule?.scope ?? 'host';
  return { state, status, scope, setScope: (s: SiteScope) => patch({ scope: s }) };
}
