import { CATEGORIES, type Category } from '../types.ts';

/**
 * The settings model: declared once, validated on read. Pure: `store.ts` persists it through a
 * storage passed in, and `utils/import-export.ts` reads it from files.
 */

export type SiteScope = 'host' | 'domain';

/** A rule for one host, or for a domain with all its subdomains; `on` says what it decides. */
export interface SiteRule {
  host: string;
  scope: SiteScope;
  on: boolean;
}

export type SiteMode = 'everywhere' | 'only-listed';
export type HighlightStyle = 'underline' | 'background' | 'none';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  enabled: boolean;
  /** everywhere: on unless a rule turns a site off; only-listed: off unless a rule turns it on. */
  mode: SiteMode;
  siteRules: SiteRule[];
  /** Entry ids the reader asked not to highlight. */
  ignoredEntries: string[];
  disabledCategories: Category[];
  highlightStyle: HighlightStyle;
  hoverDelayMs: number;
  theme: Theme;
}

export const HOVER_DELAY_RANGE = { min: 0, max: 2000 } as const;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  mode: 'everywhere',
  siteRules: [],
  ignoredEntries: [],
  disabledCategories: [],
  highlightStyle: 'underline',
  hoverDelayMs: 300,
  theme: 'auto',
});

/** The fields a settings object may have; anything else in an import file is a mistake. */
export const SETTINGS_FIELDS: ReadonlyArray<keyof Settings> = Object.keys(
  DEFAULT_SETTINGS,
) as Array<keyof Settings>;

export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, siteRules: [], ignoredEntries: [], disabledCategories: [] };
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cased host without port or trailing dot, or null when it is not a valid host name. */
export function normalizeHost(input: string): string | null {
  const host = input.trim().toLowerCase().replace(/\.$/, '');
  if (!host || host.length > 253) return null;
  if (host === 'localhost') return host;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) {
    return host.split('.').every((p) => Number(p) <= 255) ? host : null;
  }
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => HOST_LABEL.test(l)) ? host : null;
}

export interface Validated<T> {
  value: T;
  /**
   * One line per invalid field, "field: what is wrong"; that field fell back to its default
   * (an invalid site rule is left out).
   */
  problems: string[];
}

/** Entry ids as the dataset writes them (lower-case words joined by hyphens). */
export function isEntryId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= 80 && /^[a-z0-9-]+$/.test(v);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A rule, or why it is not one. */
function validateRule(raw: unknown): SiteRule | string {
  if (!isRecord(raw)) return 'not a rule (expected {host, scope, on})';
  const host = typeof raw.host === 'string' ? normalizeHost(raw.host) : null;
  if (!host) return `host ${JSON.stringify(raw.host)} is not a valid host name`;
  if (raw.scope !== 'host' && raw.scope !== 'domain') return 'scope is not "host" or "domain"';
  if (typeof raw.on !== 'boolean') return 'on is not true or false';
  return { host, scope: raw.scope, on: raw.on };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): v is T {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v);
}

/**
 * Reads settings from anything (storage, an import file). Unknown fields are ignored; each invalid
 * field falls back to its default and is reported, so a corrupted value never costs the rest.
 */
export function validateSettings(raw: unknown): Validated<Settings> {
  const value = defaultSettings();
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { value, problems };
  if (!isRecord(raw)) return { value, problems: ['settings: not an object'] };
  const bad = (field: string, why: string) => problems.push(`${field}: ${why}`);

  if ('enabled' in raw) {
    if (typeof raw.enabled === 'boolean') value.enabled = raw.enabled;
    else bad('enabled', 'not true or false');
  }
  if ('mode' in raw) {
    if (oneOf(raw.mode, ['everywhere', 'only-listed'] as const)) value.mode = raw.mode;
    else bad('mode', 'not "everywhere" or "only-listed"');
  }
  if ('siteRules' in raw) {
    if (Array.isArray(raw.siteRules)) {
      const rules = raw.siteRules.map(validateRule);
      rules.forEach((r, i) => {
        if (typeof r === 'string') problems.push(`siteRules[${i}]: ${r}`);
      });
      value.siteRules = dedupeRules(rules.filter((r): r is SiteRule => typeof r !== 'string'));
    } else bad('siteRules', 'not a list');
  }
  if ('ignoredEntries' in raw) {
    if (Array.isArray(raw.ignoredEntries) && raw.ignoredEntries.every(isEntryId)) {
      value.ignoredEntries = [...new Set(raw.ignoredEntries)];
    } else bad('ignoredEntries', 'not a list of entry ids');
  }
  if ('disabledCategories' in raw) {
    const list = raw.disabledCategories;
    if (Array.isArray(list) && list.every((c) => oneOf(c, CATEGORIES))) {
      value.disabledCategories = [...new Set(list)];
    } else bad('disabledCategories', 'not a list of known categories');
  }
  if ('highlightStyle' in raw) {
    if (oneOf(raw.highlightStyle, ['underline', 'background', 'none'] as const)) {
      value.highlightStyle = raw.highlightStyle;
    } else bad('highlightStyle', 'not "underline", "background" or "none"');
  }
  if ('hoverDelayMs' in raw) {
    const d = raw.hoverDelayMs;
    if (
      typeof d === 'number' &&
      Number.isInteger(d) &&
      d >= HOVER_DELAY_RANGE.min &&
      d <= HOVER_DELAY_RANGE.max
    ) {
      value.hoverDelayMs = d;
    } else
      bad(
        'hoverDelayMs',
        `not a whole number from ${HOVER_DELAY_RANGE.min} to ${HOVER_DELAY_RANGE.max}`,
      );
  }
  if ('theme' in raw) {
    if (oneOf(raw.theme, ['auto', 'light', 'dark'] as const)) value.theme = raw.theme;
    else bad('theme', 'not "auto", "light" or "dark"');
  }
  return { value, problems };
}

/** One rule per host and scope: the later one wins, as when a reader changes their mind. */
function dedupeRules(rules: SiteRule[]): SiteRule[] {
  const byKey = new Map<string, SiteRule>();
  for (const r of rules) byKey.set(`${r.scope}:${r.host}`, r);
  return [...byKey.values()];
}
