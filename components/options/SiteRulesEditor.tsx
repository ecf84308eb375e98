import { useState } from 'preact/hooks';
import type { SiteRule } from '../../utils/settings/model.ts';
import { formatSitePattern, parseSitePattern } from '../../utils/settings/site-pattern.ts';
import { describeRuleScope } from '../../utils/settings/site-rules.ts';
import type { SectionProps } from './GeneralSettings.tsx';

const sameSite = (a: Pick<SiteRule, 'host' | 'scope'>, b: Pick<SiteRule, 'host' | 'scope'>) =>
  a.host === b.host && a.scope === b.scope;

interface PatternFormProps {
  idPrefix: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** A reason to refuse the site (a rule already covers it), or null to accept. */
  conflict: (site: Pick<SiteRule, 'host' | 'scope'>) => string | null;
  onSubmit: (site: Pick<SiteRule, 'host' | 'scope'>) => void;
  onCancel?: () => void;
}

/** One text box for a site pattern, with the reason in words when it is not one. */
function PatternForm(props: PatternFormProps) {
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const inputId = `${props.idPrefix}-pattern`;
  const errorId = `${props.idPrefix}-error`;
  const submit = (e: Event) => {
    e.preventDefault();
    const parsed = parseSitePattern(text);
    const problem = parsed.ok ? props.conflict(parsed) : parsed.error;
    setError(problem);
    if (parsed.ok && !problem) {
      props.onSubmit({ host: parsed.host, scope: parsed.scope });
      setText('');
    }
  };
  return (
    <form class="pattern-form" onSubmit={submit} data-testid={`${props.idPrefix}-form`}>
      <label for={inputId}>{props.label}</label>
      <input
        id={inputId}
        type="text"
        autoComplete="off"
        spellcheck={false}
        placeholder="news.example.com or *.example.com"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : `${props.idPrefix}-hint`}
        data-testid={`${props.idPrefix}-input`}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit">{props.submitLabel}</button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
      {error ? (
        <p class="field-error" id={errorId} role="alert" data-testid={`${props.idPrefix}-error`}>
          {error}
        </p>
      ) : (
        <p class="hint" id={`${props.idPrefix}-hint`}>
          A host (news.example.com) covers that host only; *.example.com covers example.com and all
          its subdomains. The most specific rule wins.
        </p>
      )}
    </form>
  );
}

/** The site rules: add, edit, switch and remove, each change saved at once. */
export function SiteRulesEditor({ settings, onChange }: SectionProps) {
  const [editing, setEditing] = useState<number | null>(null);
  const rules = settings.siteRules;
  const save = (siteRules: SiteRule[]) => onChange({ ...settings, siteRules });
  const conflictWith = (except: number | null) => (site: Pick<SiteRule, 'host' | 'scope'>) => {
    const i = rules.findIndex((r, j) => j !== except && sameSite(r, site));
    return i < 0
      ? null
      : `There is already a rule for ${describeRuleScope(site)}: change that one.`;
  };
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Site rules</h2>
      {rules.length === 0 ? (
        <p class="muted">No site rules yet.</p>
      ) : (
        <ul class="rules" data-testid="site-rules">
          {rules.map((rule, i) => (
            <li key={`${rule.scope}:${rule.host}`} data-testid="site-rule-row">
              {editing === i ? (
                <PatternForm
                  idPrefix={`edit-rule-${i}`}
                  label={`New site for the rule on ${formatSitePattern(rule)}`}
                  initial={formatSitePattern(rule)}
                  submitLabel="Save"
                  conflict={conflictWith(i)}
                  onSubmit={(site) => {
                    save(rules.map((r, j) => (j === i ? { ...r, ...site } : r)));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <span class="rule-site" data-testid="site-rule-pattern">
                    {formatSitePattern(rule)}
                  </span>
                  <span class="muted"> ({describeRuleScope(rule)})</span>
                  <label class="rule-on">
                    <span class="visually-hidden">FactLens on {formatSitePattern(rule)}</span>
                    <select
                      value={rule.on ? 'on' : 'off'}
                      data-testid="site-rule-on"
                      onChange={(e) =>
                        save(
                          rules.map((r, j) =>
                            j === i ? { ...r, on: e.currentTarget.value === 'on' } : r,
                          ),
                        )
                      }
                    >
                      <option value="on">On</option>
                      <option value="off">Off</option>
                    </select>
                  </label>
                  <button type="button" class="link" onClick={() => setEditing(i)}>
                    Edit<span class="visually-hidden"> {formatSitePattern(rule)}</span>
                  </button>
                  <button
                    type="button"
                    class="link"
                    data-testid="site-rule-remove"
                    onClick={() => save(rules.filter((_, j) => j !== i))}
                  >
                    Remove<span class="visually-hidden"> {formatSitePattern(rule)}</span>
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <PatternForm
        idPrefix="add-rule"
        label={`Add a site where FactLens is ${settings.mode === 'everywhere' ? 'off' : 'on'}`}
        initial=""
        submitLabel="Add"
        conflict={conflictWith(null)}
        onSubmit={(site) => save([...rules, { ...site, on: settings.mode !== 'everywhere' }])}
      />
    </section>
  );
}
