import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverIntent } from '../../utils/hover-intent.ts';

function setup(openDelayMs = 300) {
  const events: string[] = [];
  const intent = createHoverIntent<string>(
    { openDelayMs, closeDelayMs: 300, fastSpeed: 0.6 },
    { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
    { open: (t) => events.push(`open ${t}`), close: () => events.push('close') },
  );
  return { intent, events };
}

describe('hover intent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests on a mention', () => {
    const { intent, events } = setup();
    intent.pointer('Biegun', 0.1);
    vi.advanceTimersByTime(250);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(60);
    expect(events).toEqual(['open Biegun']);
    expect(intent.current).toBe('Biegun');
  });

  it('does not open while the pointer sweeps fast across mentions', () => {
    const { intent, events } = setup();
    for (let i = 0; i < 10; i++) {
      intent.pointer('Sohae', 2);
      vi.advanceTimersByTime(100);
    }
    expect(events).toEqual([]);
    intent.pointer(null, 2);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('stays open over the card and closes a moment after leaving it', () => {
    const { intent, events } = setup();
    intent.pointer('Cha', 0);
    vi.advanceTimersByTime(300);
    intent.pointer(null, 0.2); // crossing the gap to the card
    vi.advanceTimersByTime(100);
    intent.enterCard();
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open Cha']);
    intent.leaveCard();
    vi.advanceTimersByTime(299);
    expect(events).toEqual(['open Cha']);
    vi.advanceTimersByTime(2);
    expect(events).toEqual(['open Cha', 'close']);
  });

  it('moves to another mention only when the pointer rests there', () => {
    const { intent, events } = setup();
    intent.pointer('Kim', 0);
    vi.advanceTimersByTime(300);
    intent.pointer('Trump', 0.1);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open Kim', 'open Trump']);
  });

  it('closes at once on dismiss, opens at once from the keyboard, and honours a new delay', () => {
    const { intent, events } = setup();
    intent.openNow('Pompeo');
    intent.dismiss();
    expect(events).toEqual(['open Pompeo', 'close']);
    intent.setDelays(800);
    intent.pointer('Bolton', 0);
    vi.advanceTimersByTime(500);
    expect(events).toHaveLength(2);
    vi.advanceTimersByTime(300);
    expect(events.at(-1)).toBe('open Bolton');
  });
});
