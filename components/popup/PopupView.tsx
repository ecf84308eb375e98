import type { Lookup } from '../../utils/messages.ts';
import { describePopupStatus, type PopupStatus } from '../../utils/popup-status.ts';
import type { Settings, SiteScope } from '../../utils/settings/model.ts';
import type { CompiledIndex, Entry, SourceMeta } from '../../utils/types.ts';
import { formatAttribution } from '../format.ts';
import { EntrySearch } from './EntrySearch.tsx';
import { PageSummary } from './PageSummary.tsx';
import { PopupHeader } from './PopupHeader.tsx';
import { SiteControls } from './SiteControls.tsx';
import { StatusPanel } from './StatusPanel.tsx';

export interface PopupViewProps {
  status: PopupStatus;
  /** null until read; the global switch works before that all the same. */
  settings: Settings | null;
  data: CompiledIndex;
  entriesById: ReadonlyMap<string, Entry>;
  sources: ReadonlyMap<string, SourceMeta>;
  search: (query: string) => Entry[];
  /** The registrable domain of the tab's host, for the scope choice. */
  domain: string;
  scope: SiteScope;
  lookup: Lookup | null;
  dark: boolean;
  /** A change that could not be saved, in words. */
  error: string | null;
  onToggleGlobal: () => void;
  onSetSite: (on: boolean, scope: SiteScope) => void;
  onScopeChange: (scope: SiteScope) => void;
  onShowEntry: (id: string) => void;
  onIgnoreEntry: (id: string) => Promise<() => void>;
  onRequestAccess: () => void;
  onReload: () => void;
  onOpenOptions: () => void;
}

/** The toolbar popup: presentational; `entrypoints/popup/main.tsx` wires it to the browser. */
export function PopupView(props: PopupViewProps) {
  const { status, settings } = props;
  const globalOn = settings?.enabled ?? true;
  const counts = new Map(
    status.kind === 'summary' ? status.entries.map((e) => [e.id, e.count]) : [],
  );
  const source = props.data.sources[0];
  return (
    <div class={props.dark ? 'popup theme dark' : 'popup theme'} data-state={status.kind}>
      <PopupHeader host={status.host} state={describePopupStatus(status)} />
      <main>
        {'decision' in status && settings && (
          <SiteControls
            host={status.host}
            domain={props.domain}
            decision={status.decision}
            mode={settings.mode}
            scope={props.scope}
            onScopeChange={props.onScopeChange}
            onSetSite={props.onSetSite}
          />
        )}
        {props.error && (
          <p class="error" role="alert">
            {props.error}
          </p>
        )}
        {status.kind !== 'summary' && (
          <StatusPanel
            status={status}
            knownCount={props.data.entries.length}
            onTurnOnGlobal={props.onToggleGlobal}
            onTurnOnSite={() => props.onSetSite(true, props.scope)}
            onRequestAccess={props.onRequestAccess}
            onReload={props.onReload}
          />
        )}
        <EntrySearch
          search={props.search}
          entriesById={props.entriesById}
          sources={props.sources}
          mentionsOnPage={(id) => counts.get(id) ?? 0}
          lookup={props.lookup}
          dark={props.dark}
          onShowEntry={props.onShowEntry}
          onIgnoreEntry={props.onIgnoreEntry}
          onTurnOffSite={() => props.onSetSite(false, 'host')}
        />
        {status.kind === 'summary' && (
          <PageSummary
            entries={status.entries}
            entriesById={props.entriesById}
            onShowEntry={props.onShowEntry}
          />
        )}
      </main>
      <footer class="popup-footer">
        <button
          type="button"
          role="switch"
          class="switch"
          aria-checked={globalOn}
          data-testid="global-toggle"
          onClick={props.onToggleGlobal}
        >
          <span class="switch-track" aria-hidden="true" />
          FactLens on everywhere
        </button>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Settings
        </button>
        {source && (
          <p class="attribution" data-testid="attribution">
            Quotes from {formatAttribution(source)}: <cite>{source.title}</cite>.
          </p>
        )}
      </footer>
    </div>
  );
}
