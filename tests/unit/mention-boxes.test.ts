import { describe, expect, it } from 'vitest';
import {
  cachePlan,
  MentionBoxes,
  pointInBoxes,
  type CachePolicy,
  type CacheState,
} from '../../utils/mention-boxes.ts';

const rect = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('mention boxes', () => {
  it('finds the mention whose box holds the point, edges included', () => {
    const boxes = new MentionBoxes();
    boxes.add(0, rect(10, 100, 60, 120));
    boxes.add(1, rect(80, 100, 140, 120));
    expect(boxes.ownerAt(30, 110)).toBe(0);
    expect(boxes.ownerAt(140, 120)).toBe(1);
    expect(boxes.ownerAt(10, 100)).toBe(0);
    // Between the two mentions, above and below the line.
    expect(boxes.ownerAt(70, 110)).toBe(-1);
    expect(boxes.ownerAt(30, 99.5)).toBe(-1);
    expect(boxes.ownerAt(30, 120.5)).toBe(-1);
  });

  it('knows every line box of a mention that wraps', () => {
    const boxes = new MentionBoxes();
    boxes.add(0, rect(400, 100, 480, 120));
    boxes.add(0, rect(0, 126, 50, 146));
    boxes.add(1, rect(60, 126, 120, 146));
    expect(boxes.size).toBe(3);
    expect(boxes.ownerAt(450, 110)).toBe(0);
    expect(boxes.ownerAt(20, 130)).toBe(0);
    expect(boxes.ownerAt(100, 130)).toBe(1);
    expect(boxes.ownerAt(20, 110)).toBe(-1);
  });

  it('keeps boxes in document coordinates: shifted by the scroll offset at measuring', () => {
    const boxes = new MentionBoxes();
    // Measured in the viewport while the window was scrolled 1000 px down.
    boxes.add(0, rect(10, 100, 60, 120), 0, 1000);
    expect(boxes.ownerAt(30, 1110)).toBe(0);
    expect(boxes.ownerAt(30, 110)).toBe(-1);
  });

  it('leaves out empty boxes (collapsed or hidden text)', () => {
    const boxes = new MentionBoxes();
    boxes.add(0, rect(10, 100, 10, 120));
    boxes.add(0, rect(10, 100, 60, 100));
    expect(boxes.size).toBe(0);
    expect(boxes.ownerAt(10, 100)).toBe(-1);
  });

  it('the first box wins where two touch', () => {
    const boxes = new MentionBoxes();
    boxes.add(3, rect(0, 0, 50, 20));
    boxes.add(4, rect(50, 0, 90, 20));
    expect(boxes.ownerAt(50, 10)).toBe(3);
  });

  it('tells whether a point is in any of a list of live boxes', () => {
    const live = [rect(0, 0, 10, 10), rect(20, 0, 30, 10)];
    expect(pointInBoxes(live, 25, 5)).toBe(true);
    expect(pointInBoxes(live, 15, 5)).toBe(false);
    expect(pointInBoxes([], 0, 0)).toBe(false);
  });
});

describe('when the hit-test measures again', () => {
  const policy: CachePolicy = {
    expiryMs: 5000,
    minGapMs: 1000,
    shortLifeMs: 2000,
    backoffMs: 5000,
    maxMentions: 2000,
  };
  const state = (over: Partial<CacheState>): CacheState => ({
    builtAt: 10_000,
    lifetime: null,
    builtGeneration: 3,
    generation: 3,
    mentions: 430,
    ...over,
  });

  it('measures on first use', () => {
    expect(cachePlan(state({ builtAt: null }), 0, policy)).toBe('rebuild');
  });

  it('uses boxes measured since the last signal, until they expire', () => {
    expect(cachePlan(state({}), 10_001, policy)).toBe('use');
    expect(cachePlan(state({}), 14_999, policy)).toBe('use');
    expect(cachePlan(state({}), 15_000, policy)).toBe('rebuild');
  });

  it('measures again after a signal', () => {
    expect(cachePlan(state({ generation: 4 }), 12_000, policy)).toBe('rebuild');
  });

  it('answers live while the page keeps changing, rather than measure every mention again', () => {
    expect(cachePlan(state({ generation: 4 }), 10_500, policy)).toBe('live');
    expect(cachePlan(state({ generation: 9 }), 11_000, policy)).toBe('rebuild');
  });

  it('backs off when measured boxes keep going stale soon after measuring', () => {
    // The last boxes lasted 300 ms: the page re-renders; wait 5 s before measuring them all again.
    const churning = state({ generation: 4, lifetime: 300 });
    expect(cachePlan(churning, 12_000, policy)).toBe('live');
    expect(cachePlan(churning, 14_999, policy)).toBe('live');
    expect(cachePlan(churning, 15_000, policy)).toBe('rebuild');
    // Boxes that lasted a while were worth it: measure again as soon as the gap allows.
    expect(cachePlan(state({ generation: 4, lifetime: 3000 }), 11_000, policy)).toBe('rebuild');
  });

  it('always answers live on a page with too many mentions to measure in one frame', () => {
    expect(cachePlan(state({ builtAt: null, mentions: 2001 }), 0, policy)).toBe('live');
    expect(cachePlan(state({ mentions: 5000 }), 10_001, policy)).toBe('live');
  });
});
