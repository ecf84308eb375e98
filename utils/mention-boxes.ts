/**
 * Pure pieces of the hover hit-test's geometry cache (entrypoints/content/hit-test.ts): the line
 * boxes of the mentions in one element, in document coordinates, and when to measure them again.
 * Rectangles and times in, answers out; no DOM.
 */

/** A rectangle as the DOM gives it (DOMRect), in CSS pixels. */
export interface RectLike {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * The boxes of the mentions whose text sits in one element. An element holds a handful, so a
 * flat list beats any search structure: finding the one under a point is a few comparisons.
 */
export class MentionBoxes {
  /** left, top, right, bottom of each box. */
  private readonly edges: number[] = [];
  /** The mention (its index in the element's list) each box belongs to. */
  private readonly owners: number[] = [];

  get size(): number {
    return this.owners.length;
  }

  /** Adds a box of mention `owner`, shifted by (dx, dy) (client → document: the scroll offset). */
  add(owner: number, box: RectLike, dx = 0, dy = 0): void {
    // An empty box (collapsed or hidden text) is never under the pointer.
    if (box.right <= box.left || box.bottom <= box.top) return;
    this.edges.push(box.left + dx, box.top + dy, box.right + dx, box.bottom + dy);
    this.owners.push(owner);
  }

  /** The mention with a box around (x, y), or -1. Edges are inside; the first box wins. */
  ownerAt(x: number, y: number): number {
    const e = this.edges;
    for (let i = 0, k = 0; i < this.owners.length; i++, k += 4) {
      if (x >= e[k]! && y >= e[k + 1]! && x <= e[k + 2]! && y <= e[k + 3]!) return this.owners[i]!;
    }
    return -1;
  }
}

/** Whether (x, y) lies in one of `boxes` (edges inside), all in the same coordinates. */
export function pointInBoxes(boxes: Iterable<RectLike>, x: number, y: number): boolean {
  for (const r of boxes) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

export interface CacheState {
  /** When the boxes were last measured (ms), or null if never. */
  builtAt: number | null;
  /**
   * How long the boxes measured before those stayed good before a signal made them stale (ms),
   * or null (not known, or they expired instead).
   */
  lifetime: number | null;
  /** The invalidation count they were measured at, and the count now. */
  builtGeneration: number;
  generation: number;
  /** How many mentions a full measuring would cover. */
  mentions: number;
}

export interface CachePolicy {
  /** Boxes older than this are measured again, whatever the signals said (ms). */
  expiryMs: number;
  /** No two full measurings closer than this: a page that keeps changing gets `live` (ms). */
  minGapMs: number;
  /**
   * Boxes that went stale sooner than `shortLifeMs` after measuring were wasted work: the next
   * full measuring waits `backoffMs` (a page that re-renders all the time is answered live).
   */
  shortLifeMs: number;
  backoffMs: number;
  /** Above this many mentions a full measuring would hold the frame too long: always `live`. */
  maxMentions: number;
}

/**
 * What a hit-test does with the cache: `use` it as it is, `rebuild` it (measure every mention),
 * or measure only the mentions under the pointer's element, `live`, leaving the cache as it is.
 */
export type CachePlan = 'use' | 'rebuild' | 'live';

export function cachePlan(state: CacheState, now: number, policy: CachePolicy): CachePlan {
  const { builtAt, lifetime, builtGeneration, generation, mentions } = state;
  if (mentions > policy.maxMentions) return 'live';
  if (builtAt === null) return 'rebuild';
  const age = now - builtAt;
  if (builtGeneration === generation && age < policy.expiryMs) return 'use';
  const gap =
    lifetime !== null && lifetime < policy.shortLifeMs ? policy.backoffMs : policy.minGapMs;
  return age >= gap ? 'rebuild' : 'live';
}
