import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createHoverIntent, type HoverIntent } from '@/utils/hover-intent';
import type { Settings } from '@/utils/settings/model';
import type { CompiledIndex, Entry, SourceMeta } from '@/utils/types';
import { CardHost } from './card-host';
import type { HighlightLayer } from './highlights';
import { HitTester, type PointerSample } from './hit-test';
import type { MentionIndex } from './mention-index';
import type { PlacedMention } from './page-text';
import { pageLooksDark } from './page-theme';
import { measure, now } from './perf';

/** What the card shows: an entry, opened from one of its mentions or from elsewhere. */
interface Shown {
  entry: Entry;
  mention: PlacedMention | null;
  /** Where the card sits when it was not opened from a mention (a related link keeps its place). */
  anchor: PlacedMention | null;
  notice: { text: string; undo: () => Promise<void> } | null;
}

export interface CardActions {
  ignoreEntry(id: string): Promise<() => Promise<void>>;
  turnOffSite(): Promise<() => Promise<void>>;
  /** The host that "Turn off on this site" turns off: the tab's page's (site-host.ts). */
  readonly site: string;
}

/** Pointer speed above which the reader is still travelling, not resting (px per ms). */
const FAST_POINTER = 0.6;

/**
 * Hover intent, hit-testing and the card's behaviour: which mention is active, stepping between
 * mentions, related entries, and the card's actions with their undo.
 */
export class CardController {
  private readonly host: CardHost;
  private readonly hover: HoverIntent<PlacedMention>;
  private readonly entries: Map<string, Entry>;
  private readonly sources: Map<string, SourceMeta>;
  private readonly hits = new HitTester(document);
  private index: MentionIndex | null = null;
  private shown: Shown | null = null;
  private theme: Settings['theme'] = 'auto';
  /** The latest pointer move: where, over which element, when, how fast. */
  private last: PointerSample & { speed: number } = {
    target: null,
    x: 0,
    y: 0,
    pageX: 0,
    pageY: 0,
    t: 0,
    speed: 0,
  };
  /** The card about to open comes from the pointer resting (not the keyboard or the popup). */
  private openingFromPointer = false;
  private frame = 0;
  private pointerInCard = false;
  /** The next card opens with focus inside (keyboard and popup paths). */
  private focusRequested = false;

  constructor(
    ctx: ContentScriptContext,
    data: CompiledIndex,
    private readonly highlights: HighlightLayer,
    private readonly actions: CardActions,
  ) {
    this.entries = new Map(data.entries.map((e) => [e.id, e]));
    this.sources = new Map(data.sources.map((s) => [s.id, s]));
    this.host = new CardHost(ctx, () => this.hover.dismiss());
    this.hits.watch(ctx, (target) => this.host.owns(target));
    this.hover = createHoverIntent<PlacedMention>(
      { openDelayMs: 300, closeDelayMs: 300, fastSpeed: FAST_POINTER },
      { set: (fn, ms) => ctx.setTimeout(fn, ms), clear: (h) => clearTimeout(h as number) },
      { open: (m) => this.openMention(m, this.takeFocusRequest()), close: () => this.close() },
      (a, b) => a === b,
    );
  }

  configure(settings: Settings): void {
    this.hover.setDelays(settings.hoverDelayMs);
    this.theme = settings.theme;
  }

  /**
   * New mentions after a scan (null: the overlay stopped). An open card follows its mention, or
   * closes when the mention is gone — unless it is showing an undo notice, which must stay
   * reachable (turning the site off removes every mention).
   */
  setIndex(index: MentionIndex | null): void {
    this.index = index;
    this.hits.setIndex(index);
    const shown = this.shown;
    if (!shown || shown.notice) return;
    const again = shown.anchor ? index?.find(shown.anchor) : undefined;
    if (!again) {
      this.hover.dismiss();
      return;
    }
    const fromMention = shown.mention === shown.anchor;
    shown.anchor = again;
    if (fromMention) {
      shown.mention = again;
      this.highlights.setActive(again.range);
    }
  }

  /** A trusted pointer move anywhere in the document; hit-tests at most once per frame. */
  onPointerMove(e: PointerEvent): void {
    if (!this.index && !this.host.isOpen) return;
    if (this.host.owns(e.target)) {
      if (!this.pointerInCard) {
        this.pointerInCard = true;
        this.hover.enterCard();
      }
      return;
    }
    if (this.pointerInCard) {
      this.pointerInCard = false;
      this.hover.leaveCard();
    }
    const { clientX: x, clientY: y, pageX, pageY, timeStamp: t, target } = e;
    const dt = Math.max(1, t - this.last.t);
    const speed = Math.hypot(x - this.last.x, y - this.last.y) / dt;
    this.last = { target, x, y, pageX, pageY, t, speed };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.highlights.ensureRegistered();
      const started = now();
      const hit = this.hits.mentionAt(this.last);
      measure('hit-test', started);
      this.openingFromPointer = true;
      this.hover.pointer(hit, this.last.speed);
    });
  }

  onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.host.isOpen) {
      e.stopPropagation();
      this.hover.dismiss();
    }
  }

  onPointerDown(e: PointerEvent): void {
    if (this.host.isOpen && !this.host.owns(e.target)) this.hover.dismiss();
  }

  /** The keyboard path: the next mention after the active one (or after the top of the view). */
  nextMention(): boolean {
    const all = this.index?.all ?? [];
    if (!all.length) return false;
    const current = this.shown?.mention;
    let i = current ? all.indexOf(current) + 1 : all.findIndex((m) => rectOf(m).top >= 0);
    if (i < 0 || i >= all.length) i = 0;
    this.goTo(all[i]!, true);
    return true;
  }

  /** The popup's "show me": the entry's next mention, cycling. */
  showEntry(id: string): boolean {
    const list = this.index?.ofEntry(id) ?? [];
    if (!list.length) return false;
    const current = this.shown?.mention;
    const at = current && current.id === id ? (list.indexOf(current) + 1) % list.length : 0;
    this.goTo(list[at]!, true);
    return true;
  }

  close(): void {
    this.shown = null;
    this.highlights.setActive(null);
    this.host.hide();
    this.pointerInCard = false;
  }

  private goTo(m: PlacedMention, focus: boolean): void {
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.focusRequested = focus;
    this.openingFromPointer = false;
    this.hover.openNow(m);
  }

  private takeFocusRequest(): boolean {
    const focus = this.focusRequested;
    this.focusRequested = false;
    return focus;
  }

  private openMention(m: PlacedMention, focus: boolean): void {
    const entry = this.entries.get(m.id);
    if (!entry) return;
    // The hit-test answers from cached boxes; before a card opens on the pointer's word, the
    // mention's live boxes confirm it (once per card, not per move). Text that moved without a
    // signal opens no card: the cache is measured again and the next move finds the right one.
    if (this.openingFromPointer && !this.hits.isUnder(m, this.last.x, this.last.y)) {
      this.hits.invalidate();
      this.hover.dismiss();
      return;
    }
    this.shown = { entry, mention: m, anchor: m, notice: null };
    this.highlights.setActive(m.range);
    this.render(focus);
  }

  private render(focus: boolean): void {
    const shown = this.shown;
    if (!shown) return;
    const { entry, mention } = shown;
    const list = this.index?.ofEntry(entry.id) ?? [];
    const anchor = shown.anchor;
    this.host.show({
      props: {
        entry,
        sources: this.sources,
        related: entry.related.flatMap((id) => {
          const r = this.entries.get(id);
          return r ? [{ id, name: r.name }] : [];
        }),
        mention: mention && { text: mention.text, kind: mention.kind, alias: mention.alias },
        position: { index: mention ? Math.max(0, list.indexOf(mention)) : -1, total: list.length },
        notice: shown.notice?.text ?? null,
        onRelated: (id) => {
          const next = this.entries.get(id);
          if (!next) return;
          this.shown = { entry: next, mention: null, anchor, notice: null };
          this.highlights.setActive(null);
          this.render(true);
        },
        onStep: (dir) => {
          const from = mention ? list.indexOf(mention) : dir > 0 ? -1 : 0;
          const to = list[(from + dir + list.length) % list.length];
          if (to) this.goTo(to, true);
        },
        onIgnoreEntry: () =>
          void this.act(
            () => this.actions.ignoreEntry(entry.id),
            `FactLens won’t highlight “${entry.name}”.`,
          ),
        onTurnOffSite: () =>
          void this.act(
            () => this.actions.turnOffSite(),
            `FactLens is off on ${this.actions.site}.`,
          ),
        onUndo: () => void shown.notice?.undo(),
        onClose: () => this.hover.dismiss(),
      },
      anchor: () => (anchor?.range.startContainer.isConnected ? rectOf(anchor) : null),
      context: anchor?.range.startContainer.parentElement ?? null,
      dark: this.theme === 'dark' || (this.theme === 'auto' && pageLooksDark()),
      focus,
    });
  }

  /**
   * Runs a card action and shows its notice with Undo. The notice is up before the action's
   * settings change lands, so the rescan it causes keeps the card open.
   */
  private async act(run: () => Promise<() => Promise<void>>, text: string): Promise<void> {
    const shown = this.shown;
    if (!shown) return;
    let undo: (() => Promise<void>) | null = null;
    shown.notice = {
      text,
      undo: async () => {
        if (!undo) return;
        shown.notice = null;
        await undo();
        if (this.shown === shown) this.render(true);
      },
    };
    this.render(true);
    undo = await run();
  }
}

function rectOf(m: PlacedMention): DOMRect {
  const r = document.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r.getClientRects()[0] ?? r.getBoundingClientRect();
}
