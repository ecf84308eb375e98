import { useEffect, useState } from 'preact/hooks';
import {
  HOVER_DELAY_RANGE,
  type HighlightStyle,
  type Settings,
  type SiteMode,
  type Theme,
} from '../../utils/settings/model.ts';

export interface SectionProps {
  settings: Settings;
  onChange: (next: Settings) => void;
}

const MODES: Array<[SiteMode, string]> = [
  ['everywhere', 'On every site, except those I turn off'],
  ['only-listed', 'Only on the sites I turn on'],
];
const STYLES: Array<[HighlightStyle, string]> = [
  ['underline', 'Dotted underline'],
  ['background', 'Tinted background'],
  ['none', 'No marking (cards still open on hover)'],
];
const THEMES: Array<[Theme, string]> = [
  ['auto', 'Match the page'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

function delayProblem(text: string): string | null {
  const n = Number(text);
  const { min, max } = HOVER_DELAY_RANGE;
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max
    ? null
    : `Type a whole number of milliseconds from ${min} to ${max}.`;
}

/** The global switch, where FactLens runs, and how marks and cards look and behave. */
export function GeneralSettings({ settings, onChange }: SectionProps) {
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  // Another tab, an import or a reset changed the delay: show the new value.
  useEffect(() => setDelay(String(settings.hoverDelayMs)), [settings.hoverDelayMs]);
  const problem = delayProblem(delay);
  const set = (change: Partial<Settings>) => onChange({ ...settings, ...change });
  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <label class="check">
        <input
          type="checkbox"
          data-testid="opt-enabled"
          checked={settings.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />
        FactLens is on
      </label>
      <fieldset>
        <legend>Where FactLens runs</legend>
        {MODES.map(([mode, label]) => (
          <label class="check" key={mode}>
            <input
              type="radio"
              name="mode"
              value={mode}
              data-testid={`opt-mode-${mode}`}
              checked={settings.mode === mode}
              onChange={() => set({ mode })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>How terms are marked</legend>
        {STYLES.map(([style, label]) => (
          <label class="check" key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              data-testid={`opt-style-${style}`}
              checked={settings.highlightStyle === style}
              onChange={() => set({ highlightStyle: style })}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="hover-delay">Card opens after resting on a term for (milliseconds)</label>
        <input
          id="hover-delay"
          type="number"
          inputMode="numeric"
          min={HOVER_DELAY_RANGE.min}
          max={HOVER_DELAY_RANGE.max}
          step={50}
          data-testid="opt-hover-delay"
          value={delay}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'hover-delay-error' : undefined}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setDelay(text);
            if (!delayProblem(text)) set({ hoverDelayMs: Number(text) });
          }}
        />
        {problem && (
          <p class="field-error" id="hover-delay-error" role="alert">
            {problem}
          </p>
        )}
      </div>
      <div class="field">
        <label for="theme">Card colours</label>
        <select
          id="theme"
          data-testid="opt-theme"
          value={settings.theme}
          onChange={(e) => set({ theme: e.currentTarget.value as Theme })}
        >
          {THEMES.map(([theme, label]) => (
            <option key={theme} value={theme}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
