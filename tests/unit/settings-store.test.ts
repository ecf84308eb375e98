/**
 * Settings in the `sync` area, through WXT's storage over the fake browser: corrupted values,
 * live changes, the sync quota, and migrations between versions of the stored shape.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { storage } from 'wxt/utils/storage';
import { defaultSettings, type Settings } from '../../utils/settings/model.ts';
import {
  createSettingsStore,
  migrateSettings,
  SettingsTooLargeError,
  SYNC_ITEM_QUOTA_BYTES,
} from '../../utils/settings/store.ts';

beforeEach(() => fakeBrowser.reset());

const stored = (): Promise<Record<string, unknown>> =>
  fakeBrowser.storage.sync.get(['settings', 'settings$']);

describe('the settings store', () => {
  it('gives the defaults before anything is saved, and what was saved after', async () => {
    const store = createSettingsStore(storage);
    expect(await store.get()).toEqual(defaultSettings());
    await store.update((s) => ({ ...s, theme: 'dark', ignoredEntries: ['victor-cha'] }));
    const again = createSettingsStore(storage);
    expect(await again.get()).toMatchObject({ theme: 'dark', ignoredEntries: ['victor-cha'] });
  });

  it('reads a corrupted value as its default with a warning, keeping the rest, and never throws', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { enabled: 'maybe', theme: 'dark', siteRules: [{ host: 42 }] },
    });
    const warn = vi.fn();
    const settings = await createSettingsStore(storage, { warn }).get();
    expect(settings.enabled).toBe(true);
    expect(settings.theme).toBe('dark');
    expect(settings.siteRules).toEqual([]);
    expect(warn.mock.calls.map(([m]) => m as string)).toEqual([
      'FactLens settings: enabled: not true or false; using the default instead',
      'FactLens settings: siteRules[0]: host 42 is not a valid host name; using the default instead',
    ]);
    await fakeBrowser.storage.sync.set({ settings: 'garbage' });
    expect(await createSettingsStore(storage, { warn }).get()).toEqual(defaultSettings());
  });

  it('tells every watcher of a change, validated', async () => {
    const store = createSettingsStore(storage, { warn: () => undefined });
    const seen: Settings[] = [];
    const unwatch = store.watch((s) => seen.push(s));
    await createSettingsStore(storage).update((s) => ({ ...s, enabled: false }));
    await fakeBrowser.storage.sync.set({ settings: { enabled: false, hoverDelayMs: -5 } });
    unwatch();
    expect(seen.map((s) => [s.enabled, s.hoverDelayMs])).toEqual([
      [false, 300],
      [false, 300],
    ]);
  });

  it('refuses, and stores nothing, when the browser could not sync the value', async () => {
    const store = createSettingsStore(storage);
    const many = Array.from({ length: 400 }, (_, i) => ({
      host: `site-${i}.example.com`,
      scope: 'host' as const,
      on: false,
    }));
    await expect(store.update((s) => ({ ...s, siteRules: many }))).rejects.toBeInstanceOf(
      SettingsTooLargeError,
    );
    await expect(store.update((s) => ({ ...s, siteRules: many }))).rejects.toThrow(
      `the browser syncs at most ${SYNC_ITEM_QUOTA_BYTES}`,
    );
    expect((await stored()).settings).toBeUndefined();
  });

  it('writes the version beside the value, so a later version knows what to migrate', async () => {
    await createSettingsStore(storage).set(defaultSettings());
    expect((await stored())['settings$']).toEqual({ v: 1 });
  });
});

describe('migrations', () => {
  // A hypothetical version 2 that renamed a field, as a real migration would.
  const toV2 = (old: unknown) => {
    const { ignored, ...rest } = old as { ignored?: string[] };
    return { ...rest, ignoredEntries: ignored ?? [] };
  };

  it('runs in order from the stored version up to the current one', () => {
    const calls: number[] = [];
    const migrations = {
      2: (v: unknown) => (calls.push(2), { ...(v as object), two: true }),
      3: (v: unknown) => (calls.push(3), { ...(v as object), three: true }),
    };
    expect(migrateSettings({ a: 1 }, 1, migrations, 3)).toEqual({ a: 1, two: true, three: true });
    expect(migrateSettings({ a: 1 }, 2, migrations, 3)).toEqual({ a: 1, three: true });
    expect(calls).toEqual([2, 3, 3]);
    expect(migrateSettings({ a: 1 }, 3, migrations, 3)).toEqual({ a: 1 });
  });

  it('migrates a stored value of an older version on first read, then stores it at the new one', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { theme: 'light', ignored: ['victor-cha'] },
      settings$: { v: 1 },
    });
    const store = createSettingsStore(storage, { version: 2, migrations: { 2: toV2 } });
    expect(await store.get()).toMatchObject({ theme: 'light', ignoredEntries: ['victor-cha'] });
    expect(await stored()).toMatchObject({
      settings: { theme: 'light', ignoredEntries: ['victor-cha'] },
      settings$: { v: 2 },
    });
  });

  it('a migration that fails leaves the old value to validation: defaults where needed, no crash', async () => {
    await fakeBrowser.storage.sync.set({ settings: { theme: 'dark' }, settings$: { v: 1 } });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createSettingsStore(storage, {
      version: 2,
      migrations: {
        2: () => {
          throw new Error('boom');
        },
      },
    });
    expect(await store.get()).toEqual({ ...defaultSettings(), theme: 'dark' });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
