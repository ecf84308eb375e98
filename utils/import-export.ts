/**
 * Settings as a file the reader keeps or moves to another browser. An import is all or nothing:
 * it is checked against the schema first, and any problem — bad JSON, an unknown field, a host
 * that is not one — is reported in words while the current settings stay as they are.
 */
import { isRecord, SETTINGS_FIELDS, validateSettings, type Settings } from './settings/model.ts';
import {
  migrateSettings,
  SETTINGS_VERSION,
  storedSize,
  SYNC_ITEM_QUOTA_BYTES,
} from './settings/store.ts';

export const SETTINGS_FILE_FORMAT = 'factlens-settings';
/** A real settings file is a few kilobytes; anything far larger is the wrong file. */
export const MAX_IMPORT_BYTES = 256 * 1024;
const FILE_FIELDS = ['format', 'version', 'exportedAt', 'settings'];

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
}

export type SettingsImport = { ok: true; settings: Settings } | { ok: false; problems: string[] };

export function exportSettings(settings: Settings, now: Date = new Date()): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** "factlens-settings-2026-03-01.json" */
export function exportFileName(now: Date = new Date()): string {
  return `factlens-settings-${now.toISOString().slice(0, 10)}.json`;
}

const fail = (...problems: string[]): SettingsImport => ({ ok: false, problems });

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `The file is not valid JSON (${(error as Error).message}).` };
  }
}

export function parseSettingsImport(text: string): SettingsImport {
  if (text.length > MAX_IMPORT_BYTES) {
    return fail(
      `The file is ${Math.round(text.length / 1024)} KB: too large to be FactLens settings.`,
    );
  }
  if (text.trim() === '') return fail('The file is empty.');
  const parsed = parseJson(text);
  if ('error' in parsed) return fail(parsed.error);
  const file = parsed.value;
  if (!isRecord(file) || file.format !== SETTINGS_FILE_FORMAT) {
    return fail(
      `This is not a FactLens settings file (it should say "format": "${SETTINGS_FILE_FORMAT}").`,
    );
  }
  const problems = Object.keys(file)
    .filter((key) => !FILE_FIELDS.includes(key))
    .map((key) => `Unknown field "${key}" at the top of the file.`);
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    problems.push('"version" must be a whole number from 1.');
  } else if (version > SETTINGS_VERSION) {
    problems.push(
      `The file was made by a newer FactLens (settings version ${version}); this one reads up to version ${SETTINGS_VERSION}.`,
    );
  }
  if (!isRecord(file.settings)) problems.push('"settings" is missing or not an object.');
  if (problems.length || !isRecord(file.settings) || typeof version !== 'number') {
    return fail(...problems);
  }
  return checkSettings(migrateSettings(file.settings, version));
}

function checkSettings(raw: unknown): SettingsImport {
  if (!isRecord(raw)) return fail('"settings" is not an object.');
  const fields: readonly string[] = SETTINGS_FIELDS;
  const problems = [
    ...Object.keys(raw)
      .filter((key) => !fields.includes(key))
      .map((key) => `settings.${key}: not a FactLens setting.`),
    ...fields.filter((key) => !(key in raw)).map((key) => `settings.${key}: missing.`),
    ...validateSettings(raw).problems.map((p) => `settings.${p}.`),
  ];
  if (problems.length) return fail(...problems);
  const settings = validateSettings(raw).value;
  const bytes = storedSize(settings);
  if (bytes > SYNC_ITEM_QUOTA_BYTES) {
    return fail(
      `These settings take ${bytes} bytes; the browser syncs at most ${SYNC_ITEM_QUOTA_BYTES}. Remove some site rules.`,
    );
  }
  return { ok: true, settings };
}
