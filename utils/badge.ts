/**
 * The toolbar badge: how many distinct entries a tab mentions, across all its frames. Each frame
 * reports its own entries; a tab's count is the size of their union, so an entry named in the
 * page and in an embedded frame counts once, and a frame reporting again replaces (never adds to)
 * its previous report. State lives in the session storage passed in, because an MV3 background
 * may be stopped between any two events; this module holds no state of its own but a queue.
 */

/** Entry ids reported by each frame of one tab, by frameId. Frames with nothing are left out. */
export type TabFrames = Record<string, string[]>;

export interface FrameReport {
  active: boolean;
  entries: ReadonlyArray<{ id: string }>;
}

/** Bounds what one tab can make us store, whatever its pages do with frames. */
export const MAX_FRAMES_PER_TAB = 100;

export function withFrameReport(
  frames: TabFrames,
  frameId: number,
  report: FrameReport,
): TabFrames {
  const next: TabFrames = { ...frames };
  const ids = report.active ? [...new Set(report.entries.map((e) => e.id))].sort() : [];
  const key = String(frameId);
  if (ids.length === 0) delete next[key];
  else if (key in next || Object.keys(next).length < MAX_FRAMES_PER_TAB) next[key] = ids;
  return next;
}

export function distinctEntryCount(frames: TabFrames): number {
  return new Set(Object.values(frames).flat()).size;
}

/** Nothing for none: an empty badge says "nothing here" without shouting a zero. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** A key–value store such as `storage.session` behind WXT's storage. */
export interface SessionArea {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
  remove: (key: string) => Promise<void>;
}

export interface BadgeDeps {
  session: SessionArea;
  setBadgeText: (tabId: number, text: string) => Promise<void>;
  /** Ids the dataset knows: anything else is dropped, so a forged report cannot inflate a count. */
  knownIds: ReadonlySet<string>;
}

export interface BadgeTracker {
  /** A frame of the tab reported what it mentions (or that it is off). */
  report: (tabId: number, frameId: number, report: FrameReport) => Promise<void>;
  /** The tab started loading a new page: forget every frame and clear the badge. */
  navigated: (tabId: number) => Promise<void>;
  /** Sets the badge again from what is stored (the browser resets it on navigation). */
  refresh: (tabId: number) => Promise<void>;
  closed: (tabId: number) => Promise<void>;
  /** The distinct entries the tab's frames reported. */
  entries: (tabId: number) => Promise<Set<string>>;
}

function isTabFrames(v: unknown): v is TabFrames {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'))
  );
}

export function createBadgeTracker({ session, setBadgeText, knownIds }: BadgeDeps): BadgeTracker {
  const keyOf = (tabId: number) => `badge-tab-${tabId}`;
  // Reports from several frames arrive together; one read-modify-write at a time per tab keeps
  // any of them from being lost, and keeps badge updates in the order of the reports.
  const queues = new Map<number, Promise<unknown>>();
  const serial = <T>(tabId: number, task: () => Promise<T>): Promise<T> => {
    const run = (queues.get(tabId) ?? Promise.resolve()).then(task);
    const settled = run.catch(() => undefined);
    queues.set(tabId, settled);
    void settled.then(() => queues.get(tabId) === settled && queues.delete(tabId));
    return run;
  };
  const load = async (tabId: number): Promise<TabFrames> => {
    const stored = await session.get(keyOf(tabId));
    return isTabFrames(stored) ? stored : {};
  };
  const show = (tabId: number, frames: TabFrames) =>
    setBadgeText(tabId, badgeText(distinctEntryCount(frames)));

  return {
    report: (tabId, frameId, report) =>
      serial(tabId, async () => {
        const entries = report.entries.filter((e) => knownIds.has(e.id));
        const frames = withFrameReport(await load(tabId), frameId, { ...report, entries });
        if (Object.keys(frames).length) await session.set(keyOf(tabId), frames);
        else await session.remove(keyOf(tabId));
        await show(tabId, frames);
      }),
    navigated: (tabId) =>
      serial(tabId, async () => {
        await session.remove(keyOf(tabId));
        await show(tabId, {});
      }),
    refresh: (tabId) => serial(tabId, async () => show(tabId, await load(tabId))),
    closed: (tabId) => serial(tabId, () => session.remove(keyOf(tabId))),
    entries: (tabId) => serial(tabId, async () => new Set(Object.values(await load(tabId)).flat())),
  };
}
