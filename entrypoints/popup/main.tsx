import '@/components/card.css';
import '@/components/popup/popup.css';
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PopupView } from '@/components/popup/PopupView';
import { INDEX } from '@/data/index';
import { createEntrySearch } from '@/utils/search';
import { setSite, registrableDomain } from '@/utils/settings/site-rules';
import { SettingsTooLargeError, type SettingsStore } from '@/utils/settings/store';
import type { Settings } from '@/utils/settings/model';
import { sendToPage } from './tab-probe';
import { settingsStore, usePopupState } from './use-popup';

const entriesById = new Map(INDEX.entries.map((e) => [e.id, e]));
const sources = new Map(INDEX.sources.map((s) => [s.id, s]));
const prefersDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches;

/** The container: wires the browser into the presentational PopupView. */
function Popup() {
  const { state, status, scope, setScope } = usePopupState();
  const [error, setError] = useState<string | null>(null);
  const { search } = useMemo(() => createEntrySearch(INDEX.entries), []);
  const searchEntries = useMemo(() => (q: string) => search(q).map((h) => h.entry), [search]);
  const theme = state.settings?.theme ?? 'auto';
  const host = status.host;

  const update = (change: Parameters<SettingsStore['update']>[0]): Promise<Settings | null> =>
    settingsStore.update(change).then(
      (next) => {
        setError(null);
        return next;
      },
      (e: unknown) => {
        setError(e instanceof SettingsTooLargeError ? e.message : `Could not save: ${String(e)}`);
        return null;
      },
    );

  return (
    <PopupView
      status={status}
      settings={state.settings}
      data={INDEX}
      entriesById={entriesById}
      sources={sources}
      search={searchEntries}
      domain={host ? registrableDomain(host) : ''}
      scope={scope}
      lookup={state.lookup}
      dark={theme === 'dark' || (theme === 'auto' && prefersDark())}
      error={error}
      onToggleGlobal={() => void update((s) => ({ ...s, enabled: !s.enabled }))}
      onSetSite={(on, siteScope) => void update((s) => setSite(s, host, siteScope, on))}
      onScopeChange={setScope}
      onShowEntry={(id) => {
        if (state.tabId !== null) void sendToPage(state.tabId, { type: 'popup:show-entry', id });
      }}
      onIgnoreEntry={async (id) => {
        await update((s) => ({ ...s, ignoredEntries: [...s.ignoredEntries, id] }));
        return () =>
          void update((s) => ({ ...s, ignoredEntries: s.ignoredEntries.filter((e) => e !== id) }));
      }}
      onRequestAccess={() => {
        if (status.kind !== 'no-access') return;
        // Asked straight from the click: browsers grant permissions only in answer to one.
        // The background reloads the tab once access is granted (the popup may be gone by then).
        void browser.permissions.request({ origins: [`${status.origin}/*`] });
      }}
      onReload={() => {
        if (state.tabId !== null) void browser.tabs.reload(state.tabId);
        window.close();
      }}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />
  );
}

render(<Popup />, document.getElementById('app')!);
