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

/** Higher is more specific: a longer name beats a shorter one, a host rule beats a domain rule. */
function specificity(rule: SiteRule): number {
  return rule.host.length * 2 + (rule.scope === 'host' ? 1 : 0);
}

/**
 * The most specific rule wins: a host rule beats a domain rule for the same name, and a longer
 * domain beats a shorter one (news.example.com over example.com).
 */
export function findRule(rules: readonly SiteRule[], host: string): SiteRule | null {
  let best: SiteRule | null = null;
  for (const rule of rules) {
    if (ruleCovers(rule, host) && (!best || specificity(rule) > specificity(best))) best = rule;
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

/** The host a rule of `scope` set from a page on `host` names: the host, or its domain. */
export function ruleTarget(host: string, scope: SiteScope): string {
  return scope === 'domain' ? registrableDomain(host) : host;
}

/**
 * Sets the site to `on` with the given scope. Rules that cover this host and are at least as
 * specific as the new one go (they would override it); a rule that would only restate what
 * remains is not added, so the list holds only real exceptions. Rules for other hosts stay.
 */
export function setSite(
  settings: Settings,
  rawHost: string,
  scope: SiteScope,
  on: boolean,
): Settings {
  const host = normalizeHost(rawHost);
  if (!host) return settings;
  const added: SiteRule = { host: ruleTarget(host, scope), scope, on };
  const others = settings.siteRules.filter(
    (r) => !(ruleCovers(r, host) && specificity(r) >= specificity(added)),
  );
  const next: Settings = { ...settings, siteRules: others };
  const inherited = decideSite(next, host);
  if (inherited.on !== on || inherited.reason === 'global-off') {
    next.siteRules = [...others, added];
  }
  return next;
}

/**
 * The keyboard command: flip whatever decides this site. A deciding rule is flipped in place,
 * keeping its scope (or dropped, when without it the site already comes out flipped); with no
 * rule, only this host changes. When FactLens is off everywhere, it comes back on, and on here.
 */
export function toggleSite(settings: Settings, host: string): Settings {
  const decision = decideSite(settings, host);
  if (decision.reason === 'global-off') {
    const enabled: Settings = { ...settings, enabled: true };
    return decideSite(enabled, host).on ? enabled : setSite(enabled, host, 'host', true);
  }
  const rule = decision.rule;
  if (!rule) return setSite(settings, host, 'host', !decision.on);
  const without: Settings = {
    ...settings,
    siteRules: settings.siteRules.filter((r) => r !== rule),
  };
  if (decideSite(without, host).on !== rule.on) return without;
  return {
    ...settings,
    siteRules: settings.siteRules.map((r) => (r === rule ? { ...r, on: !r.on } : r)),
  };
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

/** "news.example.com only" / "example.com and its subdomains": what a rule covers, in words. */
export function describeRuleScope(rule: Pick<SiteRule, 'host' | 'scope'>): string {
  return rule.scope === 'host' ? `${rule.host} only` : `${rule.host} and its subdomains`;
}

/** A rule as a sentence: "Off for example.com and its subdomains". */
export function describeRule(rule: SiteRule): string {
  return `${rule.on ? 'On' : 'Off'} for ${describeRuleScope(rule)}`;
}
