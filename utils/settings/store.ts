import type { WxtStorage, WxtStorageItem } from '@wxt-dev/storage';
import { defaultSettings, validateSettings, type Settings } from './model.ts';

export const SETTINGS_KEY = 'sync:settings' as const;

/**
 * The stored shape's version. Adding a field needs no new version: validation fills in its
 * default. Bump it only to reshape or rename, with a migration below — and mind that `sync`
 * carries the value to devices that may still run the older version.
 */
export const SETTINGS_VERSION = 1;

/** A migration by the version it produces: `{ 2: (v1) => v2 }`. Stored values and files share them. */
export type SettingsMigrations = Readonly<Record<number, (previous: unknown) => unknown>>;
export const SETTINGS_MIGRATIONS: SettingsMigrations = {};

/** Chrome and Firefox refuse a `sync` item larger than this (key and JSON value, in bytes). */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

export class SettingsTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(
      `These settings take ${bytes} bytes; the browser syncs at most ${SYNC_ITEM_QUOTA_BYTES}. ` +
        'Remove some site rules or ignored terms.',
    );
    this.name = 'SettingsTooLargeError';
  }
}

export function storedSize(settings: Settings): number {
  const key = SETTINGS_KEY.slice(SETTINGS_KEY.indexOf(':') + 1);
  return new TextEncoder().encode(key + JSON.stringify(settings)).length;
}

/** Runs the migrations from `fromVersion` up to `toVersion`, in order. */
export function migrateSettings(
  value: unknown,
  fromVersion: number,
  migrations: SettingsMigrations = SETTINGS_MIGRATIONS,
  toVersion: number = SETTINGS_VERSION,
): unknown {
  let migrated = value;
  for (let v = fromVersion + 1; v <= toVersion; v++)
    migrated = migrations[v]?.(migrated) ?? migrated;
  return migrated;
}

export interface SettingsStore {
  get: () => Promise<Settings>;
  /** Throws SettingsTooLargeError (and stores nothing) when the browser could not sync it. */
  set: (next: Settings) => Promise<void>;
  update: (change: (current: Settings) => Settings) => Promise<Settings>;
  /** Calls back with validated settings whenever any context changes them. */
  watch: (cb: (settings: Settings) => void) => () => void;
}

export interface SettingsStoreOptions {
  warn?: (message: string) => void;
  /** For tests of the migration path; the app uses SETTINGS_VERSION and SETTINGS_MIGRATIONS. */
  version?: number;
  migrations?: SettingsMigrations;
}

/**
 * Settings persisted in the `sync` area. Storage is passed in (WXT's `storage`, or its fake in
 * tests) so this module stays free of browser APIs. Every read is validated: a corrupted value
 * falls back to its default with a warning, never a crash.
 */
export function createSettingsStore(
  storage: WxtStorage,
  options: SettingsStoreOptions | ((message: string) => void) = {},
): SettingsStore {
  const {
    warn = console.warn,
    version = SETTINGS_VERSION,
    migrations = SETTINGS_MIGRATIONS,
  } = typeof options === 'function' ? { warn: options } : options;
  const item: WxtStorageItem<unknown, Record<string, unknown>> = storage.defineItem<unknown>(
    SETTINGS_KEY,
    { fallback: defaultSettings(), version, migrations: { ...migrations } },
  );
  const read = (raw: unknown): Settings => {
    const { value, problems } = validateSettings(raw);
    for (const p of problems) warn(`FactLens settings: ${p}; using the default instead`);
    return value;
  };
  const write = async (next: Settings): Promise<Settings> => {
    const valid = validateSettings(next).value;
    const bytes = storedSize(valid);
    if (bytes > SYNC_ITEM_QUOTA_BYTES) throw new SettingsTooLargeError(bytes);
    await item.setValue(valid);
    return valid;
  };
  const store: SettingsStore = {
    async get() {
      try {
        return read(await item.getValue());
      } catch (error) {
        warn(`FactLens settings: could not be read (${String(error)}); using defaults`);
        return defaultSettings();
      }
    },
    async set(next) {
      await write(next);
    },
    update: async (change) => write(change(await store.get())),
    watch(cb) {
      return item.watch((raw) => cb(read(raw)));
    },
  };
  return store;
}
