import type { SiteMode, SiteScope } from '../../utils/settings/model.ts';
import { describeRule, type SiteDecision } from '../../utils/settings/site-rules.ts';

export interface SiteControlsProps {
  host: string;
  /** example.com for news.example.com: what the "whole domain" choice covers. */
  domain: string;
  decision: SiteDecision;
  mode: SiteMode;
  scope: SiteScope;
  onScopeChange: (scope: SiteScope) => void;
  onSetSite: (on: boolean, scope: SiteScope) => void;
}

function ruleInWords(decision: SiteDecision, mode: SiteMode): string {
  if (decision.reason === 'global-off')
    return 'FactLens is off everywhere, whatever the site rules say.';
  if (decision.rule) return `Rule: ${describeRule(decision.rule)}.`;
  return mode === 'everywhere'
    ? 'No rule for this site: FactLens runs everywhere except on sites you turn off.'
    : 'No rule for this site: FactLens runs only on sites you turn on.';
}

/** An address (127.0.0.1) or a bare name (localhost) has no subdomains to choose. */
function hasSubdomains(host: string): boolean {
  return host.includes('.') && !/^[\d.]+$/.test(host) && !host.startsWith('[');
}

/** "On for <host>", with the scope a change applies to, and the rule that decides now. */
export function SiteControls(props: SiteControlsProps) {
  const { host, domain, decision, scope } = props;
  const globalOff = decision.reason === 'global-off';
  return (
    <section class="site" aria-label="This site">
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={decision.on}
        disabled={globalOff}
        data-testid="site-toggle"
        onClick={() => props.onSetSite(!decision.on, scope)}
      >
        <span class="switch-track" aria-hidden="true" />
        On for {host}
      </button>
      {hasSubdomains(host) && (
        <fieldset class="scope" disabled={globalOff}>
          <legend>A change applies to</legend>
          <label>
            <input
              type="radio"
              name="scope"
              value="host"
              data-testid="scope-host"
              checked={scope === 'host'}
              onChange={() => props.onScopeChange('host')}
            />
            {host} only
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              value="domain"
              data-testid="scope-domain"
              checked={scope === 'domain'}
              onChange={() => props.onScopeChange('domain')}
            />
            {domain} and its subdomains
          </label>
        </fieldset>
      )}
      <p class="rule" data-testid="site-rule">
        {ruleInWords(decision, props.mode)}
      </p>
    </section>
  );
}
