import type { Settings } from '../../utils/settings/model.ts';
import type { Entry } from '../../utils/types.ts';
import { BackupSettings, type ImportOutcome } from './BackupSettings.tsx';
import { GeneralSettings } from './GeneralSettings.tsx';
import { SiteRulesEditor } from './SiteRulesEditor.tsx';
import { TermsSettings } from './TermsSettings.tsx';

export interface OptionsViewProps {
  /** null until read from storage. */
  settings: Settings | null;
  entries: readonly Entry[];
  /** A change that could not be saved, in words. */
  saveError: string | null;
  importOutcome: ImportOutcome | null;
  onChange: (next: Settings) => void;
  onReset: () => void;
  onExport: () => void;
  onImport: (text: string, fileName: string) => void;
}

/** The options page: every setting, presentational; `entrypoints/options/main.tsx` wires it. */
export function OptionsView(props: OptionsViewProps) {
  const { settings } = props;
  return (
    <main class="options">
      <h1>FactLens settings</h1>
      <p class="muted">Changes are saved at once and reach every open tab.</p>
      {props.saveError && (
        <p class="field-error" role="alert" data-testid="save-error">
          {props.saveError}
        </p>
      )}
      {settings ? (
        <>
          <GeneralSettings settings={settings} onChange={props.onChange} />
          <SiteRulesEditor settings={settings} onChange={props.onChange} />
          <TermsSettings settings={settings} onChange={props.onChange} entries={props.entries} />
        </>
      ) : (
        <p role="status">Loading settings…</p>
      )}
      <BackupSettings
        importOutcome={props.importOutcome}
        onExport={props.onExport}
        onImport={props.onImport}
        onReset={props.onReset}
      />
    </main>
  );
}
