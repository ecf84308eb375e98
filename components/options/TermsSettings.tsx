import { useState } from 'preact/hooks';
import { CATEGORIES, type Entry } from '../../utils/types.ts';
import { CATEGORY_HEADINGS } from '../popup/labels.ts';
import type { SectionProps } from './GeneralSettings.tsx';

export interface TermsSettingsProps extends SectionProps {
  /** Every entry of the dataset, for names and for the "don't highlight" list. */
  entries: readonly Entry[];
}

/** Which terms are marked: single terms the reader silenced, and whole categories. */
export function TermsSettings({ settings, onChange, entries }: TermsSettingsProps) {
  const [pick, setPick] = useState('');
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ignored = settings.ignoredEntries;
  const candidates = entries
    .filter((e) => !ignored.includes(e.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const setIgnored = (ignoredEntries: string[]) => onChange({ ...settings, ignoredEntries });
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">Terms</h2>
      <h3 id="ignored-heading">Terms FactLens does not highlight</h3>
      {ignored.length === 0 ? (
        <p class="muted">None: every term is highlighted.</p>
      ) : (
        <ul aria-labelledby="ignored-heading" data-testid="ignored-entries">
          {ignored.map((id) => (
            <li key={id} data-testid="ignored-entry">
              {/* An id from another version of the dataset has no name here: show the id. */}
              <span>{byId.get(id)?.name ?? id}</span>{' '}
              <button
                type="button"
                class="link"
                onClick={() => setIgnored(ignored.filter((e) => e !== id))}
              >
                Highlight again<span class="visually-hidden"> {byId.get(id)?.name ?? id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (pick) setIgnored([...ignored, pick]);
          setPick('');
        }}
      >
        <label for="ignore-pick">Stop highlighting</label>
        <select id="ignore-pick" value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="">Choose a term…</option>
          {candidates.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!pick}>
          Don’t highlight
        </button>
      </form>
      <fieldset>
        <legend>Categories that are highlighted</legend>
        {CATEGORIES.map((category) => {
          const off = settings.disabledCategories.includes(category);
          return (
            <label class="check" key={category}>
              <input
                type="checkbox"
                data-testid={`opt-category-${category}`}
                checked={!off}
                onChange={(e) =>
                  onChange({
                    ...settings,
                    disabledCategories: e.currentTarget.checked
                      ? settings.disabledCategories.filter((c) => c !== category)
                      : [...settings.disabledCategories, category],
                  })
                }
              />
              {CATEGORY_HEADINGS[category]}
            </label>
          );
        })}
      </fieldset>
    </section>
  );
}
