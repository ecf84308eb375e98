import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  cachePlan,
  MentionBoxes,
  pointInBoxes,
  type CachePolicy,
  type RectLike,
} from '@/utils/mention-boxes';
import type { ElementMentions, MentionIndex } from './mention-index';
import type { PlacedMention } from './page-text';

/** A measuring of every mention under way, in slices (one per hit-test that needs it). */
interface Measuring {
  elements: Iterator<ElementMentions>;
  /** Elements known to be in (or out of) a fixed or sticky box. */
  positioned: Map<Element, boolean>;
  /** Elements with an animation running that moves text. */
  moving: Element[];
  /**
   * A mention split over inline tags is listed under each of its elements: measured once (its
   * boxes here in document coordinates).
   */
  split: Map<PlacedMention, RectLike[]>;
}

/**
 * The longest a hit-test may spend measuring (ms); the rest waits for the next pointer move. One
 * slice covers the 430 mentions of the bench's 1 MB page on a busy machine.
 */
const SLICE_MS = 8;

/** One pointer move, as the hit-test needs it. */
export interface PointerSample {
  /** The element the browser found under the pointer (the event's target). */
  target: EventTarget | null;
  /** Viewport coordinates. */
  x: number;
  y: number;
  /** Document coordinates (the viewport's plus the window's scroll offset at the event). */
  pageX: number;
  pageY: number;
  /** When it happened (ms, the performance.now() clock: the event's timeStamp). */
  t: number;
}

const POLICY: CachePolicy = {
  // A safety net for movements no signal reports (script-driven transforms, hover effects that
  // move text): the boxes are measured again after this long.
  expiryMs: 5000,
  // A page that keeps changing is answered live, element by element, between measurings.
  minGapMs: 1000,
  shortLifeMs: 2000,
  backoffMs: 5000,
  // ~6–16 µs a mention (the first measuring after a layout costs most): more would hold one
  // frame too long.
  maxMentions: 1000,
};

/**
 * Transitions and animations of these properties repaint; they move no text (transforms do
 * move it, in document coordinates, so they are not here). CSS names (transition events) or
 * their camel-cased forms (keyframes).
 */
const PAINT_ONLY =
  /color$|^background|^opacity$|^outline|shadow$|^text-?decoration|^fill|^stroke|^filter$|^visibility$|^cursor$/i;

/**
 * Answering live, an element with more mentions than this has the caret hit-test narrow them
 * down first (~100–300 µs on a big page) rather than every one measured (~6–16 µs each).
 */
const LIVE_MEASURE_LIMIT = 8;

/** Elements whose box can change size when what they load arrives (their `load` event). */
const SIZED_BY_LOAD = new Set(['img', 'iframe', 'video', 'object', 'embed', 'link', 'input']);

/** The keys of a keyframe (Animation.effect.getKeyframes()) that are not properties. */
const KEYFRAME_META = new Set(['offset', 'computedOffset', 'easing', 'composite']);

/**
 * Attributes whose change can move text without any text or child changing. Others (aria-*,
 * data-*…) change nothing on screen, or only through these.
 */
const LAYOUT_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'dir', 'lang', 'width', 'height'];

/**
 * The hover hit-test: which mention is under the pointer, answered from a geometry cache with no
 * call into the page's layout on the way.
 *
 * - The pointer event's target is the browser's own answer to "which element is under the
 *   pointer", found for every pointer move anyway, with covering boxes already resolved; a
 *   mention's text sits directly in such an element. Most elements hold no mention: the answer
 *   is a map lookup.
 * - Over an element that holds some, its mentions' line boxes, kept in document coordinates
 *   (window scrolling leaves them right), say which one is under the event's page coordinates:
 *   a few comparisons. A mention is only ever found in the element the browser hit, so a box
 *   gone stale cannot name a mention elsewhere on the page.
 * - Every mention's boxes are measured on the first such hit-test after something may have
 *   moved text — `watch` lists the signals — or after `POLICY.expiryMs`, inside that hit-test:
 *   the pointer's element first, then the rest, for up to SLICE_MS (one slice does the bench's
 *   1 MB page; more go on at the next moves). All together rather than each element as the
 *   pointer first reaches it: a paragraph's first measured range costs ~30–100 µs, which would
 *   otherwise fall on many moves instead of one. A page that changes again soon after
 *   (`POLICY`), or has very many mentions, is answered live instead: the target's own mentions
 *   measured on the spot.
 * - Boxes in fixed or sticky elements move with the viewport, not the document, and boxes in
 *   an element with a CSS animation or layout transition running move all the time: those
 *   elements are answered live.
 *
 * Why not the browser's caret hit-test (caretPositionFromPoint): ~100–300 µs a call on a 1 MB
 * page (it only narrows down a live answer in an element with many mentions). Why not measure
 * the target's mentions on every move: the first layout query of a frame costs ~10–25 µs even
 * with layout clean, and the first range measured in a paragraph ~30–100. The card controller
 * confirms a mention against its live boxes before opening its card.
 */
export class HitTester {
  private index: MentionIndex | null = null;
  /**
   * Each element's mention boxes, document coordinates; null for an element whose text moves
   * with the viewport or all the time (fixed, sticky, animated), which is answered live.
   */
  private boxes = new Map<Element, MentionBoxes | null>();
  /** Bumped whenever text may have moved; boxes measured at an older count are stale. */
  private generation = 0;
  private builtGeneration = -1;
  private builtAt: number | null = null;
  /** How long the previous boxes stayed good (see CacheState). */
  private lifetime: number | null = null;
  /** Until when (ms) the boxes may be used without measuring again. */
  private expires = -Infinity;
  private pending: Measuring | null = null;
  /** One range for measuring, reused (every live range taxes the page's DOM changes). */
  private range: Range | null = null;
  private observer: MutationObserver | null = null;
  private observing = false;

  constructor(private readonly doc: Document) {}

  /** New mentions after a scan (null: stopped). The cache is measured afresh when next needed. */
  setIndex(index: MentionIndex | null): void {
    this.index = index;
    this.boxes = new Map();
    this.pending = null;
    this.invalidate();
    this.observe(index !== null);
  }

  /** Text may have moved: the next hit-test over a mention measures again. */
  invalidate(): void {
    if (this.builtGeneration === this.generation && this.builtAt !== null) {
      this.lifetime = performance.now() - this.builtAt;
    }
    this.generation++;
  }

  /** The mention under the pointer, or null. Kept small: it runs on every pointer move. */
  mentionAt(p: PointerSample): PlacedMention | null {
    const here = this.index?.inElement(p.target);
    if (!here) return null;
    // Boxes measured since the last signal: a few comparisons. (None for a fixed, sticky or
    // animated element: it is answered live.)
    const fresh = this.builtGeneration === this.generation && p.t < this.expires;
    const boxes = fresh ? this.boxes.get(here.element) : undefined;
    if (boxes) return here.mentions[boxes.ownerAt(p.pageX, p.pageY)] ?? null;
    return this.measuring(here, p);
  }

  /**
   * The rest: the boxes are stale or not all measured yet (measure them, the pointer's element
   * first, for up to SLICE_MS), or this element is answered live.
   */
  private measuring(here: ElementMentions, p: PointerSample): PlacedMention | null {
    const current = this.builtGeneration === this.generation && p.t < this.expires;
    if (!current) {
      const plan = cachePlan(
        {
          builtAt: this.builtAt,
          lifetime: this.lifetime,
          builtGeneration: this.builtGeneration,
          generation: this.generation,
          mentions: this.index?.all.length ?? 0,
        },
        p.t,
        POLICY,
      );
      if (plan === 'rebuild') this.startMeasuring(p.t);
    }
    if (this.builtGeneration !== this.generation) return this.measuredAt(here, p.x, p.y);
    if (this.pending) this.measureSlice(this.pending, here);
    const boxes = this.boxes.get(here.element);
    if (boxes) return here.mentions[boxes.ownerAt(p.pageX, p.pageY)] ?? null;
    return this.measuredAt(here, p.x, p.y);
  }

  /** Whether (x, y), viewport coordinates, is on one of the mention's line boxes now. */
  isUnder(m: PlacedMention, x: number, y: number): boolean {
    const under = pointInBoxes(this.rectsOf(m), x, y);
    this.release();
    return under;
  }

  /**
   * Listens for what can move text in the document: a scroll container scrolling (the window's
   * own scrolling moves nothing in document coordinates), the window resizing, fonts, images,
   * frames and style sheets arriving, layout transitions and animations, and DOM changes (an
   * observer that only marks the cache stale). `ours` tells FactLens' own nodes, whose changes
   * move no page text.
   *
   * No ResizeObserver on the document: its callback runs inside the page's rendering task, which
   * then counts as FactLens' (on a 5 MB text, an ~80 ms layout: tests/e2e/hostile/huge), and
   * what resizes the document (DOM changes, arriving images and fonts) is heard here anyway.
   */
  watch(ctx: ContentScriptContext, ours: (target: EventTarget | null) => boolean): void {
    const invalidate = () => this.invalidate();
    const capture = { capture: true, passive: true };
    ctx.addEventListener(this.doc, 'scroll', (e) => e.target !== this.doc && invalidate(), capture);
    ctx.addEventListener(window, 'resize', invalidate, { passive: true });
    ctx.addEventListener(this.doc.fonts, 'loadingdone', invalidate);
    // An image, frame, video or style sheet that arrives (or fails to) can resize its box.
    for (const type of ['load', 'error'] as const) {
      ctx.addEventListener(
        this.doc,
        type,
        (e) => e.target instanceof Element && SIZED_BY_LOAD.has(e.target.localName) && invalidate(),
        capture,
      );
    }
    for (const type of ['animationstart', 'animationend', 'animationcancel'] as const) {
      ctx.addEventListener(this.doc, type, (e) => !ours(e.target) && invalidate(), capture);
    }
    for (const type of ['transitionrun', 'transitionend', 'transitioncancel'] as const) {
      ctx.addEventListener(
        this.doc,
        type,
        (e) => !ours(e.target) && !PAINT_ONLY.test(e.propertyName) && invalidate(),
        capture,
      );
    }
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => !fromUs(r, ours))) invalidate();
    });
    this.observe(this.index !== null);
    ctx.onInvalidated(() => this.observe(false));
  }

  /** Starts or stops the DOM observer (only while there are mentions to hit). */
  private observe(on: boolean): void {
    if (on === this.observing || !this.observer) return;
    this.observing = on;
    if (!on) {
      this.observer.disconnect();
      return;
    }
    this.observer.observe(this.doc, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: LAYOUT_ATTRIBUTES,
    });
  }

  /** Starts measuring every mention's boxes (document coordinates) at time `t`. */
  private startMeasuring(t: number): void {
    const index = this.index;
    if (!index) return;
    this.boxes = new Map();
    this.pending = {
      elements: index.elements()[Symbol.iterator](),
      positioned: new Map(),
      moving: this.animated(),
      split: new Map(),
    };
    this.builtAt = t;
    this.lifetime = null;
    this.expires = t + POLICY.expiryMs;
    this.builtGeneration = this.generation;
  }

  /** Measures for up to SLICE_MS: the pointer's element first, then on in the index. */
  private measureSlice(job: Measuring, here: ElementMentions): void {
    const view = this.doc.defaultView;
    // Client rects are measured now: shifted by the scroll offset now.
    const dx = view?.scrollX ?? 0;
    const dy = view?.scrollY ?? 0;
    const until = performance.now() + SLICE_MS;
    if (!this.boxes.has(here.element)) this.measureElement(job, here, dx, dy);
    for (;;) {
      const next = job.elements.next();
      if (next.done) {
        this.pending = null;
        break;
      }
      if (!this.boxes.has(next.value.element)) this.measureElement(job, next.value, dx, dy);
      if (performance.now() >= until) break;
    }
    this.release();
  }

  private measureElement(job: Measuring, here: ElementMentions, dx: number, dy: number): void {
    const element = here.element;
    if (
      this.movesWithViewport(element, job.positioned) ||
      job.moving.some((e) => e.contains(element))
    ) {
      this.boxes.set(element, null);
      return;
    }
    const boxes = new MentionBoxes();
    here.mentions.forEach((m, i) => {
      const known = job.split.get(m);
      if (known) {
        for (const r of known) boxes.add(i, r);
        return;
      }
      const rects = this.rectsOf(m);
      for (const r of rects) boxes.add(i, r, dx, dy);
      if (m.nodes.length > 1) {
        job.split.set(
          m,
          [...rects].map((r) => ({
            left: r.left + dx,
            top: r.top + dy,
            right: r.right + dx,
            bottom: r.bottom + dy,
          })),
        );
      }
    });
    this.boxes.set(element, boxes);
  }

  /**
   * Elements with an animation or transition running that can move text (CSS or scripted;
   * colour and opacity ones cannot): their text moves all the time.
   */
  private animated(): Element[] {
    const out: Element[] = [];
    for (const animation of this.doc.getAnimations()) {
      const effect = animation.effect;
      if (animation.playState !== 'running' || !(effect instanceof KeyframeEffect)) continue;
      const target = effect.target;
      const moves = effect
        .getKeyframes()
        .some((frame) =>
          Object.keys(frame).some((p) => !KEYFRAME_META.has(p) && !PAINT_ONLY.test(p)),
        );
      if (target && moves) out.push(target);
    }
    return out;
  }

  /**
   * The target's own mentions measured now: the one under (x, y), or null. An element with many
   * (a long text in one block) asks the browser's caret hit-test which text is under the point
   * first, and measures only the mentions there.
   */
  private measuredAt(here: ElementMentions, x: number, y: number): PlacedMention | null {
    let candidates = here.mentions;
    if (candidates.length > LIVE_MEASURE_LIMIT) {
      const caret = caretAt(this.doc, x, y);
      if (!caret) return null;
      candidates = candidates.filter((m) => {
        if (!(m.nodes as readonly Node[]).includes(caret.node)) return false;
        const from = m.range.startContainer === caret.node ? m.range.startOffset : 0;
        const to = m.range.endContainer === caret.node ? m.range.endOffset : Infinity;
        return caret.offset >= from && caret.offset <= to;
      });
    }
    const hit = candidates.find((m) => pointInBoxes(this.rectsOf(m), x, y)) ?? null;
    this.release();
    return hit;
  }

  /**
   * Whether the element sits in a fixed or sticky box, which stays put in the viewport (not the
   * document) while the window scrolls. Its positioned ancestors are its offset parents.
   */
  private movesWithViewport(element: Element, known: Map<Element, boolean>): boolean {
    const view = this.doc.defaultView;
    if (!view) return false;
    const chain: Element[] = [];
    let answer = false;
    for (let e: Element | null = element; e && e !== this.doc.body; e = offsetParentOf(e)) {
      const seen = known.get(e);
      if (seen !== undefined) {
        answer = seen;
        break;
      }
      chain.push(e);
      const position = view.getComputedStyle(e).position;
      if (position === 'fixed' || position === 'sticky') {
        answer = true;
        break;
      }
    }
    for (const e of chain) known.set(e, answer);
    return answer;
  }

  /** The mention's line boxes now, viewport coordinates (none if its text has changed). */
  private rectsOf(m: PlacedMention): Iterable<DOMRect> {
    const range = (this.range ??= this.doc.createRange());
    try {
      range.setStart(m.range.startContainer, m.range.startOffset);
      range.setEnd(m.range.endContainer, m.range.endOffset);
    } catch {
      // The text is shorter than when it was scanned; the rescan it causes will place it anew.
      return [];
    }
    return range.getClientRects();
  }

  /** Lets go of the page's text: a range keeps its nodes alive. */
  private release(): void {
    this.range?.setStart(this.doc, 0);
    this.range?.collapse(true);
  }
}

/** Where the caret would go for a click at (x, y): a text node and an offset in it. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** The nearest positioned ancestor (HTML elements), else the parent (SVG and others). */
function offsetParentOf(e: Element): Element | null {
  return 'offsetParent' in e ? (e as HTMLElement).offsetParent : e.parentElement;
}

/** Whether a DOM change only touched FactLens' own nodes (the card's host coming and going). */
function fromUs(r: MutationRecord, ours: (target: EventTarget | null) => boolean): boolean {
  if (ours(r.target)) return true;
  if (r.type !== 'childList') return false;
  for (const n of r.addedNodes) if (!ours(n)) return false;
  for (const n of r.removedNodes) if (!ours(n)) return false;
  return true;
}
