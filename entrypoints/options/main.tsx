import '@/components/options/options.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { storage } from 'wxt/utils/storage';
import type { ImportOutcome } from '@/components/options/BackupSettings';
import { OptionsView } from '@/components/options/OptionsView';
import { INDEX } from '@/data/index';
import { exportFileName, exportSettings, parseSettingsImport } from '@/utils/import-export';
import { defaultSettings, type Settings } from '@/utils/settings/model';
import { createSettingsStore, SettingsTooLargeError } from '@/utils/settings/store';

const store = createSettingsStore(storage);

/** Saves the text as a file through the browser's own download of a blob: no permission needed. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The container: storage in, changes out; OptionsView renders. */
function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [importOutcome, setImportOutcome] = useState<ImportOutcome | null>(null);
  useEffect(() => {
    void store.get().then(setSettings);
    return store.watch(setSettings);
  }, []);

  const save = async (next: Settings): Promise<boolean> => {
    try {
      await store.set(next);
      setSettings(next);
      setSaveError(null);
      return true;
    } catch (error) {
      setSaveError(
        error instanceof SettingsTooLargeError ? error.message : `Could not save: ${String(error)}`,
      );
      return false;
    }
  };

  return (
    <OptionsView
      settings={settings}
      entries={INDEX.entries}
      saveError={saveError}
      importOutcome={importOutcome}
      onChange={(next) => void save(next)}
      onReset={() => void save(defaultSettings())}
      onExport={() => {
        if (settings) download(exportSettings(settings), exportFileName());
      }}
      onImport={(text) => {
        const parsed = parseSettingsImport(text);
        if (!parsed.ok) return setImportOutcome(parsed);
        void save(parsed.settings).then((saved) => setImportOutcome(saved ? { ok: true } : null));
      }}
    />
  );
}

render(<Options />, document.getElementById('app')!);
