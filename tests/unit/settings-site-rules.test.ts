/**
 * Site rules: which rule decides a site in both modes, with host, domain and subdomain rules
 * competing, and what turning a site on or off (popup, keyboard, context menu) leaves behind.
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings, type SiteRule } from '../../utils/settings/model.ts';
import {
  decideSite,
  describeRule,
  findRule,
  registrableDomain,
  setSite,
  toggleSite,
} from '../../utils/settings/site-rules.ts';

const withRules = (siteRules: SiteRule[], change: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  siteRules,
  ...change,
});
const rule = (host: string, scope: SiteRule['scope'], on: boolean): SiteRule => ({
  host,
  scope,
  on,
});

describe('which rule decides a site', () => {
  const rules = [
    rule('example.com', 'domain', false),
    rule('news.example.com', 'host', true),
    rule('blog.example.com', 'domain', true),
    rule('example.com', 'host', true),
  ];

  it('the most specific wins: host over domain, a longer domain over a shorter one', () => {
    expect(findRule(rules, 'news.example.com')).toEqual(rule('news.example.com', 'host', true));
    expect(findRule(rules, 'example.com')).toEqual(rule('example.com', 'host', true));
    expect(findRule(rules, 'a.blog.example.com')).toEqual(rule('blog.example.com', 'domain', true));
    expect(findRule(rules, 'shop.example.com')).toEqual(rule('example.com', 'domain', false));
    expect(findRule(rules, 'www.news.example.com')).toEqual(rule('example.com', 'domain', false));
    expect(findRule(rules, 'notexample.com')).toBeNull();
  });

  it('everywhere mode: on unless a rule turns the site off', () => {
    const s = withRules(rules);
    expect(decideSite(s, 'other.org')).toEqual({ on: true, rule: null, reason: 'mode-default' });
    expect(decideSite(s, 'shop.example.com').on).toBe(false);
    expect(decideSite(s, 'news.example.com').on).toBe(true);
  });

  it('only-listed mode: off unless a rule turns the site on', () => {
    const s = withRules(rules, { mode: 'only-listed' });
    expect(decideSite(s, 'other.org')).toEqual({ on: false, rule: null, reason: 'mode-default' });
    expect(decideSite(s, 'a.blog.example.com').on).toBe(true);
    expect(decideSite(s, 'shop.example.com').on).toBe(false);
  });

  it('the global switch overrides every rule', () => {
    const s = withRules(rules, { enabled: false });
    expect(decideSite(s, 'news.example.com')).toEqual({
      on: false,
      rule: null,
      reason: 'global-off',
    });
  });

  it('says what a rule covers, in words', () => {
    expect(describeRule(rule('example.com', 'domain', false))).toBe(
      'Off for example.com and its subdomains',
    );
    expect(describeRule(rule('news.example.com', 'host', true))).toBe(
      'On for news.example.com only',
    );
  });
});

describe('turning a site on or off', () => {
  it('adds a host rule, and removes it again rather than keeping one that restates the default', () => {
    const off = setSite(defaultSettings(), 'news.example.com', 'host', false);
    expect(off.siteRules).toEqual([rule('news.example.com', 'host', false)]);
    expect(setSite(off, 'news.example.com', 'host', true).siteRules).toEqual([]);
  });

  it('a domain choice covers the registrable domain, and overrides narrower rules for this host', () => {
    const s = withRules([
      rule('news.example.com', 'host', false),
      rule('blog.example.com', 'host', false),
    ]);
    const on = setSite(s, 'news.example.com', 'domain', false);
    expect(on.siteRules).toEqual([
      rule('blog.example.com', 'host', false),
      rule('example.com', 'domain', false),
    ]);
    const back = setSite(on, 'www.news.example.com', 'domain', true);
    expect(decideSite(back, 'www.news.example.com').on).toBe(true);
    expect(decideSite(back, 'blog.example.com').on, 'another host’s own rule stays').toBe(false);
  });

  it('a host exception inside a domain that is off', () => {
    const s = withRules([rule('example.com', 'domain', false)]);
    const next = setSite(s, 'news.example.com', 'host', true);
    expect(decideSite(next, 'news.example.com').on).toBe(true);
    expect(decideSite(next, 'shop.example.com').on).toBe(false);
  });

  it('whatever the rules, the site ends up as asked (invariant over many starting points)', () => {
    const hosts = ['example.com', 'news.example.com', 'a.news.example.com', 'bbc.co.uk'];
    const starts = [
      [],
      [rule('example.com', 'domain', false)],
      [rule('news.example.com', 'domain', true), rule('example.com', 'domain', false)],
      [rule('a.news.example.com', 'host', false), rule('news.example.com', 'domain', true)],
    ];
    for (const mode of ['everywhere', 'only-listed'] as const) {
      for (const start of starts) {
        for (const host of hosts) {
          for (const scope of ['host', 'domain'] as const) {
            for (const on of [true, false]) {
              const next = setSite(withRules(start, { mode }), host, scope, on);
              expect(decideSite(next, host).on, `${mode} ${host} ${scope} ${on}`).toBe(on);
            }
          }
        }
      }
    }
  });

  it('the keyboard toggle flips what decides, keeping a rule’s scope', () => {
    const domainOff = withRules([rule('example.com', 'domain', false)]);
    const flipped = toggleSite(domainOff, 'news.example.com');
    expect(flipped.siteRules).toEqual([]);
    expect(toggleSite(flipped, 'news.example.com').siteRules).toEqual([
      rule('news.example.com', 'host', false),
    ]);
    const onlyListed = withRules([rule('example.com', 'domain', true)], { mode: 'only-listed' });
    expect(toggleSite(onlyListed, 'shop.example.com').siteRules).toEqual([]);
    const globalOff = withRules([rule('example.com', 'host', false)], { enabled: false });
    const back = toggleSite(globalOff, 'example.com');
    expect(back.enabled).toBe(true);
    expect(decideSite(back, 'example.com').on).toBe(true);
  });

  it('finds the registrable domain, two-part public suffixes included', () => {
    expect(registrableDomain('www.news.example.com')).toBe('example.com');
    expect(registrableDomain('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('example.com')).toBe('example.com');
    expect(registrableDomain('127.0.0.1')).toBe('127.0.0.1');
    expect(registrableDomain('localhost')).toBe('localhost');
  });
});
