/**
 * The settings model: what a corrupted value falls back to, and site patterns as a reader types
 * them on the options page.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  normalizeHost,
  validateSettings,
  type SiteRule,
} from '../../utils/settings/model.ts';
import { formatSitePattern, parseSitePattern } from '../../utils/settings/site-pattern.ts';

const rule = (host: string, scope: SiteRule['scope'], on: boolean): SiteRule => ({
  host,
  scope,
  on,
});

describe('validating stored settings', () => {
  it('reads nothing stored as the defaults, without a word', () => {
    expect(validateSettings(undefined)).toEqual({ value: defaultSettings(), problems: [] });
  });

  it('keeps every valid field and falls back field by field, saying which and why', () => {
    const { value, problems } = validateSettings({
      enabled: false,
      mode: 'sometimes',
      siteRules: [
        rule('News.Example.com.', 'host', false),
        { host: 'bad host', scope: 'host', on: true },
      ],
      ignoredEntries: ['victor-cha', 'victor-cha'],
      disabledCategories: ['person', 'gossip'],
      highlightStyle: 'background',
      hoverDelayMs: 99999,
      theme: 'dark',
      futureField: 1,
    });
    expect(value.enabled).toBe(false);
    expect(value.mode).toBe('everywhere');
    expect(value.siteRules).toEqual([rule('news.example.com', 'host', false)]);
    expect(value.ignoredEntries).toEqual(['victor-cha']);
    expect(value.disabledCategories).toEqual([]);
    expect(value.highlightStyle).toBe('background');
    expect(value.hoverDelayMs).toBe(300);
    expect(value.theme).toBe('dark');
    expect(problems).toEqual([
      'mode: not "everywhere" or "only-listed"',
      'siteRules[1]: host "bad host" is not a valid host name',
      'disabledCategories: not a list of known categories',
      'hoverDelayMs: not a whole number from 0 to 2000',
    ]);
  });

  it('survives values of the wrong shape altogether', () => {
    for (const raw of ['settings', 42, [], true]) {
      const { value, problems } = validateSettings(raw);
      expect(value).toEqual(defaultSettings());
      expect(problems).toEqual(['settings: not an object']);
    }
    expect(validateSettings({ siteRules: 'all' }).problems).toEqual(['siteRules: not a list']);
    expect(validateSettings({ ignoredEntries: ['<img>'] }).value.ignoredEntries).toEqual([]);
  });

  it('keeps one rule per host and scope: the later one, as when a reader changes their mind', () => {
    const { value } = validateSettings({
      siteRules: [
        rule('a.com', 'host', false),
        rule('a.com', 'domain', true),
        rule('a.com', 'host', true),
      ],
    });
    expect(value.siteRules).toEqual([rule('a.com', 'host', true), rule('a.com', 'domain', true)]);
  });

  it('normalises host names and refuses what is not one', () => {
    expect(normalizeHost(' WWW.Example.COM. ')).toBe('www.example.com');
    expect(normalizeHost('localhost')).toBe('localhost');
    expect(normalizeHost('10.0.0.1')).toBe('10.0.0.1');
    for (const bad of ['', 'example', '-a.com', 'a..com', '999.1.1.1', 'exa mple.com', 'a_b.com']) {
      expect(normalizeHost(bad), bad).toBeNull();
    }
  });
});

describe('site patterns as typed on the options page', () => {
  it('reads hosts, *.domains and pasted addresses', () => {
    expect(parseSitePattern(' News.Example.com ')).toEqual({
      ok: true,
      host: 'news.example.com',
      scope: 'host',
    });
    expect(parseSitePattern('*.example.com')).toEqual({
      ok: true,
      host: 'example.com',
      scope: 'domain',
    });
    expect(parseSitePattern('https://www.nknews.org/2019/03/x?y=1')).toEqual({
      ok: true,
      host: 'www.nknews.org',
      scope: 'host',
    });
    expect(formatSitePattern(rule('example.com', 'domain', true))).toBe('*.example.com');
    expect(formatSitePattern(rule('news.example.com', 'host', true))).toBe('news.example.com');
  });

  it('says clearly why a pattern is not one', () => {
    const error = (input: string) => {
      const parsed = parseSitePattern(input);
      return parsed.ok ? '' : parsed.error;
    };
    expect(error('')).toContain('Type a site');
    expect(error('news.*.com')).toContain('a * may only open the pattern');
    expect(error('example.com/news')).toContain('leave out paths, ports and spaces');
    expect(error('example.com:8080')).toContain('leave out paths, ports and spaces');
    expect(error('chrome://extensions')).toContain('not a web site');
    expect(error('exa_mple.com')).toContain('not a valid host name');
    expect(error('example')).toContain('not a valid host name');
  });
});
