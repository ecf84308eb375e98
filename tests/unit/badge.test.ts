/**
 * The toolbar badge: distinct entries per tab across its frames, never counted twice, forgotten
 * on navigation, and safe against a background that is stopped between events.
 */
import { describe, expect, it } from 'vitest';
import {
  badgeText,
  createBadgeTracker,
  distinctEntryCount,
  MAX_FRAMES_PER_TAB,
  withFrameReport,
  type SessionArea,
} from '../../utils/badge.ts';

const report = (...ids: string[]) => ({
  active: true,
  entries: ids.map((id) => ({ id, count: 2 })),
});
const KNOWN = new Set([
  'victor-cha',
  'stephen-biegun',
  'hanoi-summit',
  'sohae-satellite-launching-station',
]);

/** A session area that answers after a delay, so that racing reports would lose updates. */
function slowSession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const later = <T>(fn: () => T) =>
    new Promise<T>((r) => setTimeout(() => r(fn()), Math.random() * 5));
  return {
    data,
    get: (key) => later(() => structuredClone(data.get(key))),
    set: (key, value) => later(() => void data.set(key, structuredClone(value))),
    remove: (key) => later(() => void data.delete(key)),
  };
}

function tracker(session = slowSession()) {
  const badges = new Map<number, string>();
  const t = createBadgeTracker({
    session,
    setBadgeText: (tabId, text) => Promise.resolve(void badges.set(tabId, text)),
    knownIds: KNOWN,
  });
  return { t, badges, session };
}

describe('counting', () => {
  it('counts distinct entries across frames, an entry in two frames once', () => {
    let frames = withFrameReport({}, 0, report('victor-cha', 'stephen-biegun'));
    frames = withFrameReport(frames, 17179869185, report('victor-cha', 'hanoi-summit'));
    expect(distinctEntryCount(frames)).toBe(3);
  });

  it('a frame reporting again replaces its report; an inactive or empty frame drops out', () => {
    let frames = withFrameReport({}, 0, report('victor-cha', 'stephen-biegun'));
    frames = withFrameReport(frames, 0, report('victor-cha'));
    expect(distinctEntryCount(frames)).toBe(1);
    frames = withFrameReport(frames, 3, report('hanoi-summit'));
    expect(
      withFrameReport(frames, 3, { active: false, entries: [{ id: 'hanoi-summit' }] }),
    ).toEqual(withFrameReport({}, 0, report('victor-cha')));
    expect(withFrameReport(frames, 0, report())).toEqual({ '3': ['hanoi-summit'] });
  });

  it('keeps at most MAX_FRAMES_PER_TAB frames, whatever a page does', () => {
    let frames = {};
    for (let i = 0; i < MAX_FRAMES_PER_TAB + 50; i++)
      frames = withFrameReport(frames, i, report('victor-cha'));
    expect(Object.keys(frames)).toHaveLength(MAX_FRAMES_PER_TAB);
  });

  it('shows nothing for none, the number otherwise', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(27)).toBe('27');
    expect(badgeText(5000)).toBe('999+');
  });
});

describe('the tracker', () => {
  it('sets each tab’s badge from all its frames, losing no report that arrives at the same time', async () => {
    const { t, badges } = tracker();
    await Promise.all([
      t.report(1, 0, report('victor-cha', 'stephen-biegun')),
      t.report(1, 5, report('victor-cha', 'hanoi-summit')),
      t.report(1, 9, report('sohae-satellite-launching-station')),
      t.report(2, 0, report('victor-cha')),
    ]);
    expect(badges.get(1)).toBe('4');
    expect(badges.get(2)).toBe('1');
    expect([...(await t.entries(1))].sort()).toEqual([...KNOWN].sort());
  });

  it('clears on navigation and when the site is turned off', async () => {
    const { t, badges } = tracker();
    await t.report(1, 0, report('victor-cha', 'stephen-biegun'));
    await t.navigated(1);
    expect(badges.get(1)).toBe('');
    await t.report(1, 0, report('victor-cha'));
    expect(badges.get(1)).toBe('1');
    await t.report(1, 0, { active: false, entries: [] });
    expect(badges.get(1)).toBe('');
  });

  it('ignores ids the dataset does not know, so a forged report cannot inflate the count', async () => {
    const { t, badges } = tracker();
    await t.report(1, 0, report('victor-cha', 'made-up', 'also-made-up'));
    expect(badges.get(1)).toBe('1');
  });

  it('keeps its state in the session area: a restarted background sets the badge again', async () => {
    const first = tracker();
    await first.t.report(1, 0, report('victor-cha', 'hanoi-summit'));
    const restarted = tracker(first.session);
    await restarted.t.refresh(1);
    expect(restarted.badges.get(1)).toBe('2');
    await restarted.t.report(1, 4, report('stephen-biegun'));
    expect(restarted.badges.get(1)).toBe('3');
  });

  it('forgets a closed tab, and reads a corrupted session entry as nothing', async () => {
    const { t, badges, session } = tracker();
    await t.report(1, 0, report('victor-cha'));
    await t.closed(1);
    expect(session.data.size).toBe(0);
    session.data.set('badge-tab-2', { '0': 'not a list' });
    await t.refresh(2);
    expect(badges.get(2)).toBe('');
  });
});
