import { normalizeHost, type Settings, type SiteRule, type SiteScope } from './model.ts';

/** What decides whether FactLens runs on a host, in words the popup can show. */
export interface SiteDecision {
  on: boolean;
  /** The rule that decided, or null when the mode's default (or the global switch) did. */
  rule: SiteRule | null;
  reason: 'global-off' | 'rule' | 'mode-default';
}

function ruleCovers(rule: SiteRule, host: string): boolean {
  return rule.scope === 'host'
    ? host === rule.host
    : host === rule.host || host.endsWith(`.${rule.host}`);
}

/**
 * The most specific rule wins: a host rule beats a domain rule for the same name, and a longer
 * domain beats a shorter one (news.example.com over example.com).
 */
export function findRule(rules: readonly SiteRule[], host: string): SiteRule | null {
  let best: SiteRule | null = null;
  let bestRank = -1;
  for (const rule of rules) {
    if (!ruleCovers(rule, host)) continue;
    const rank = rule.host.length * 2 + (rule.scope === 'host' ? 1 : 0);
    if (rank > bestRank) {
      best = rule;
      bestRank = rank;
    }
  }
  return best;
}

export function decideSite(settings: Settings, rawHost: string): SiteDecision {
  const host = normalizeHost(rawHost) ?? rawHost.toLowerCase();
  if (!settings.enabled) return { on: false, rule: null, reason: 'global-off' };
  const rule = findRule(settings.siteRules, host);
  if (rule) return { on: rule.on, rule, reason: 'rule' };
  return { on: settings.mode === 'everywhere', rule: null, reason: 'mode-default' };
}

/**
 * Sets the site to `on` with the given scope. A rule that would only restate the mode's default
 * is removed rather than added, so the list holds only real exceptions.
 */
export function setSite(settings: Settings, rawHost: string, scope: SiteScope, on: boolean): Settings {
  const host = normalizeHost(rawHost);
  if (!host) return settings;
  const target = scope === 'domain' ? registrableDomain(host) : host;
  const others = settings.siteRules.filter(
    (r) => !(r.host === target && r.scope === scope) && !(r.scope === 'host' && r.host === host),
  );
  const next: Settings = { ...settings, siteRules: others };
  const inherited = decideSite(next, host);
  if (inherited.on !== on || inherited.reason === 'global-off') {
    next.siteRules = [...others, { host: target, scope, on }];
  }
  return next;
}

// Common two-part public suffixes; enough to keep "bbc.co.uk" from becoming "co.uk". A full
// public-suffix list would cost ~100 KB in the content script for rare gains.
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'ac', 'edu', 'or', 'ne', 'go']);

/** example.com for news.example.com; bbc.co.uk for www.bbc.co.uk. */
export function registrableDomain(host: string): string {
  if (/^\d+(\.\d+){3}$/.test(host) || !host.includes('.')) return host;
  const labels = host.split('.');
  const n = labels.length;
  const takeThree = n >= 3 && labels[n - 1]!.length === 2 && SECOND_LEVEL.has(labels[n - 2]!);
  return labels.slice(takeThree ? -3 : -2).join('.');
}
