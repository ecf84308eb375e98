import type { WxtStorage, WxtStorageItem } from '@wxt-dev/storage';
import { defaultSettings, validateSettings, type Settings } from './model.ts';

export const SETTINGS_KEY = 'sync:settings' as const;
export const SETTINGS_VERSION = 1;

export interface SettingsStore {
  get(): Promise<Settings>;
  set(next: Settings): Promise<void>;
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** Calls back with validated settings whenever any context changes them. */
  watch(cb: (settings: Settings) => void): () => void;
}

type Warn = (message: string) => void;

/**
 * Settings persisted in the `sync` area. Storage is passed in (WXT's `storage`, or its fake in
 * tests) so this module stays free of browser APIs. Every read is validated: a corrupted value
 * falls back to its default with a warning, never a crash.
 */
export function createSettingsStore(storage: WxtStorage, warn: Warn = console.warn): SettingsStore {
  const item: WxtStorageItem<unknown, Record<string, unknown>> = storage.defineItem<unknown>(
    SETTINGS_KEY,
    {
      fallback: defaultSettings(),
      version: SETTINGS_VERSION,
      migrations: {},
    },
  );
  const read = (raw: unknown): Settings => {
    const { value, problems } = validateSettings(raw);
    for (const p of problems) warn(`FactLens settings: ${p}`);
    return value;
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
      await item.setValue(validateSettings(next).value);
    },
    async update(change) {
      const next = validateSettings(change(await store.get())).value;
      await item.setValue(next);
      return next;
    },
    watch(cb) {
      return item.watch((raw) => cb(read(raw)));
    },
  };
  return store;
}
