import { useState } from 'preact/hooks';

export type ImportOutcome = { ok: true } | { ok: false; problems: string[] };

export interface BackupSettingsProps {
  importOutcome: ImportOutcome | null;
  onExport: () => void;
  /** The chosen file's text; the container validates it and reports back in `importOutcome`. */
  onImport: (text: string, fileName: string) => void;
  onReset: () => void;
}

/** Export and import as JSON, and going back to the defaults (after a second click). */
export function BackupSettings(props: BackupSettingsProps) {
  const [confirming, setConfirming] = useState(false);
  const outcome = props.importOutcome;
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Keep or move your settings</h2>
      <p>
        <button type="button" data-testid="export" onClick={props.onExport}>
          Export settings
        </button>
      </p>
      <div class="field">
        <label for="import-file">Import settings from a file</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          data-testid="import-file"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void file.text().then((text) => props.onImport(text, file.name));
            input.value = '';
          }}
        />
      </div>
      {outcome?.ok === true && (
        <p class="success" role="status" data-testid="import-result">
          Settings imported.
        </p>
      )}
      {outcome?.ok === false && (
        <div class="field-error" role="alert" data-testid="import-result">
          <p>Nothing was changed: this file cannot be imported.</p>
          <ul>
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <p>
        {confirming ? (
          <>
            <span>Put every setting back as it was at install?</span>{' '}
            <button
              type="button"
              data-testid="reset-confirm"
              onClick={() => {
                setConfirming(false);
                props.onReset();
              }}
            >
              Reset
            </button>{' '}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" data-testid="reset" onClick={() => setConfirming(true)}>
            Reset to defaults…
          </button>
        )}
      </p>
    </section>
  );
}
