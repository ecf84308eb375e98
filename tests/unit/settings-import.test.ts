/**
 * Export and import of settings: what a reader gets back from their own file, and what they are
 * told about a file that is not one — in which case nothing may change.
 */
import { describe, expect, it } from 'vitest';
import {
  exportFileName,
  exportSettings,
  MAX_IMPORT_BYTES,
  parseSettingsImport,
} from '../../utils/import-export.ts';
import { defaultSettings, type Settings } from '../../utils/settings/model.ts';

const custom: Settings = {
  ...defaultSettings(),
  enabled: false,
  mode: 'only-listed',
  siteRules: [
    { host: 'nknews.org', scope: 'domain', on: true },
    { host: 'www.38north.org', scope: 'host', on: true },
  ],
  ignoredEntries: ['victor-cha'],
  disabledCategories: ['place'],
  highlightStyle: 'background',
  hoverDelayMs: 500,
  theme: 'dark',
};

const file = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'factlens-settings', version: 1, settings, ...extra });

const problemsOf = (text: string) => {
  const result = parseSettingsImport(text);
  return result.ok ? [] : result.problems;
};

describe('export and import', () => {
  it('gives back exactly what was exported', () => {
    const text = exportSettings(custom, new Date('2026-03-01T12:00:00Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: 'factlens-settings',
      version: 1,
      exportedAt: '2026-03-01T12:00:00.000Z',
    });
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: custom });
    expect(exportFileName(new Date('2026-03-01T12:00:00Z'))).toBe(
      'factlens-settings-2026-03-01.json',
    );
  });

  it('says when the file is not JSON, is empty, or is too large', () => {
    expect(problemsOf('{"format": "factlens-settings",')[0]).toMatch(
      /^The file is not valid JSON \(/,
    );
    expect(problemsOf('  ')).toEqual(['The file is empty.']);
    expect(problemsOf(' '.repeat(MAX_IMPORT_BYTES + 1))[0]).toContain('too large');
  });

  it('says when the file is some other JSON', () => {
    const other =
      'This is not a FactLens settings file (it should say "format": "factlens-settings").';
    expect(problemsOf('[1, 2]')).toEqual([other]);
    expect(problemsOf(JSON.stringify(defaultSettings()))).toEqual([other]);
  });

  it('refuses a file from a newer FactLens, and a missing or bad version', () => {
    expect(problemsOf(file(custom, { version: 7 }))).toEqual([
      'The file was made by a newer FactLens (settings version 7); this one reads up to version 1.',
    ]);
    expect(problemsOf(file(custom, { version: '1' }))).toEqual([
      '"version" must be a whole number from 1.',
    ]);
    expect(problemsOf(file(custom, { extra: true }))).toEqual([
      'Unknown field "extra" at the top of the file.',
    ]);
    expect(problemsOf(file('all on'))).toEqual(['"settings" is missing or not an object.']);
  });

  it('lists every wrong setting at once, named by its place in the file', () => {
    const withoutDelay: Partial<Settings> = { ...custom };
    delete withoutDelay.hoverDelayMs;
    const problems = problemsOf(
      file({
        ...withoutDelay,
        enabled: 'yes',
        theme: 'sepia',
        siteRules: [
          { host: 'exa mple.com', scope: 'host', on: false },
          { host: 'a.com', scope: 'page', on: true },
        ],
        colour: 'red',
      }),
    );
    expect(problems).toEqual([
      'settings.colour: not a FactLens setting.',
      'settings.hoverDelayMs: missing.',
      'settings.enabled: not true or false.',
      'settings.siteRules[0]: host "exa mple.com" is not a valid host name.',
      'settings.siteRules[1]: scope is not "host" or "domain".',
      'settings.theme: not "auto", "light" or "dark".',
    ]);
  });

  it('refuses settings the browser could not sync', () => {
    const siteRules = Array.from({ length: 400 }, (_, i) => ({
      host: `s${i}.example.com`,
      scope: 'host',
      on: true,
    }));
    expect(problemsOf(file({ ...custom, siteRules }))[0]).toMatch(/the browser syncs at most 8192/);
  });
});
