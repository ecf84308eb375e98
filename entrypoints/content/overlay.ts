import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '@/utils/matcher';
import type { PageEntryCount } from '@/utils/messages';
import type { Settings } from '@/utils/settings/model';
import type { CompiledIndex, Mention } from '@/utils/types';
import { CardController, type CardActions } from './card-controller';
import { HighlightLayer } from './highlights';
import { MentionIndex } from './mention-index';
import { PageText, type PieceCache, type PlacedMention } from './page-text';
import { PageWatcher } from './page-watcher';
import { applyHighlightStyle } from './highlight-style';
import { measure, now } from './perf';

/** How often to check that the page has not cleared our highlights. */
const REGISTRY_CHECK_MS = 400;
/** Mentions placed between two looks at the clock (a placement is a few DOM calls, ~5 µs). */
const PLACE_BATCH = 128;
/** An end-of-scan refresh gives the page its turn once a slice has run this long. */
const REFRESH_SLICE_MS = 5;

/**
 * Lets the page run between slices: a message to ourselves on a private MessageChannel, which
 * (unlike setTimeout) is not throttled to once a second in background tabs. Not `scheduler.yield`:
 * its continuations jump ahead of the page's own tasks, so the page's timers and messages waited
 * for the whole scan (a round trip to a 200,000-node page took ~950 ms instead of ~100;
 * tests/e2e/hostile/huge). One channel serves every yield: making and closing a channel per
 * yield cost more than the yield itself (~0.3 ms each, most of it in `close`).
 */
class PageTurns {
  private channel: MessageChannel | null = null;
  private readonly waiting: Array<() => void> = [];

  readonly yield = (): Promise<void> =>
    new Promise((resolve) => {
      this.waiting.push(resolve);
      this.port().postMessage(null);
    });

  private port(): MessagePort {
    if (!this.channel) {
      this.channel = new MessageChannel();
      this.channel.port1.onmessage = () => this.waiting.shift()?.();
    }
    return this.channel.port2;
  }

  /** Closes the channel; anything still waiting resumes (and finds its scan cancelled). */
  close(): void {
    this.channel?.port1.close();
    this.channel?.port2.close();
    this.channel = null;
    for (const resume of this.waiting.splice(0)) resume();
  }
}

/**
 * The overlay of one frame: scans the page, keeps highlights in step with its changes, and runs
 * the card. Started when the site is on; stopped (leaving the page as it was) when it is off.
 */
export class Overlay {
  private readonly highlights = new HighlightLayer();
  private readonly cards: CardController;
  private readonly watcher: PageWatcher;
  private readonly turns = new PageTurns();
  private text: PageText | null = null;
  private index: MentionIndex | null = null;
  private settings: Settings | null = null;
  private running = false;
  private generation = 0;
  private listening = false;
  /** Each entry's category, for the settings that hide whole categories. */
  private categoryOf: Map<string, string> | null = null;
  /** Refreshes started so far: a refresh in slices yields to a newer one. */
  private refreshes = 0;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly data: CompiledIndex,
    /** Built on first use: a site that is off never pays for the index. */
    private readonly matcher: () => Matcher,
    actions: CardActions,
    private readonly report: (entries: PageEntryCount[], active: boolean) => void,
  ) {
    this.cards = new CardController(ctx, data, this.highlights, actions);
    this.watcher = new PageWatcher(
      (roots) => this.rescan(roots),
      () => this.start(),
    );
  }

  get active(): boolean {
    return this.running;
  }

  counts(): PageEntryCount[] {
    return this.running && this.index ? this.index.counts() : [];
  }

  /** Applies settings: starts, stops or re-filters as needed. */
  async apply(settings: Settings, siteOn: boolean): Promise<void> {
    const previous = this.settings;
    this.settings = settings;
    this.cards.configure(settings);
    applyHighlightStyle(settings.highlightStyle);
    if (!siteOn) return this.stop();
    if (!this.running) return this.start();
    if (
      previous?.ignoredEntries.join() !== settings.ignoredEntries.join() ||
      previous?.disabledCategories.join() !== settings.disabledCategories.join()
    ) {
      const generation = this.generation;
      await this.refreshInSlices(() => generation === this.generation && this.running);
    }
  }

  nextMention(): boolean {
    return this.running && this.cards.nextMention();
  }

  showEntry(id: string): boolean {
    return this.running && this.cards.showEntry(id);
  }

  /** A full scan of the document (start, SPA navigation). */
  async start(): Promise<void> {
    const root = document.body ?? document.documentElement;
    if (!root) return;
    const began = now();
    const generation = ++this.generation;
    this.listen();
    this.running = true;
    // A scan still running for the previous page stops at its next slice.
    this.text?.cancel();
    const text = new PageText(this.matcher());
    // Building the matcher (first start only) was this task's work: the scan starts in the next.
    await this.turns.yield();
    if (generation !== this.generation) return text.cancel();
    this.text = text;
    this.watcher.stop();
    this.watcher.start(document);
    await text.scan(root, this.turns.yield, () => {
      // The first slices cover the top of the page: show what they found before the rest.
      if (generation === this.generation) this.refresh();
    });
    // The page gets the thread back between the last slice and the refresh.
    await this.turns.yield();
    const current = () => generation === this.generation && this.running;
    if (current() && (await this.refreshInSlices(current)) !== null) measure('scan', began);
  }

  stop(): void {
    this.generation++;
    this.running = false;
    this.watcher.stop();
    this.cards.setIndex(null);
    this.highlights.hide();
    this.text?.cancel();
    this.turns.close();
    this.text = null;
    this.index = null;
    this.report([], false);
  }

  /** Rescans changed subtrees; resolves with the milliseconds of work it took. */
  private async rescan(roots: Element[]): Promise<number> {
    const text = this.text;
    if (!text || !this.running) return 0;
    // Waits for a scan still running (the first one, on a page that changes while it loads).
    const work = await text.rescan(roots, this.turns.yield);
    await this.turns.yield();
    if (text !== this.text) return work;
    return work + ((await this.refreshInSlices(() => text === this.text)) ?? 0);
  }

  /** The mentions to show under the current settings (the page-wide rules applied). */
  private mentionsToShow(): Mention[] | null {
    if (!this.text || !this.settings) return null;
    const { ignoredEntries, disabledCategories } = this.settings;
    const hidden = new Set(ignoredEntries);
    const categories = new Set<string>(disabledCategories);
    const entries = (this.categoryOf ??= new Map(this.data.entries.map((e) => [e.id, e.category])));
    return this.text
      .resolve()
      .mentions.filter((m) => !hidden.has(m.id) && !categories.has(entries.get(m.id) ?? ''));
  }

  /** Shows placed mentions: the highlights, the card's index, the popup's and badge's counts. */
  private showIndex(index: MentionIndex): void {
    this.index = index;
    this.highlights.show(index.all.map((m) => m.range));
    this.cards.setIndex(index);
    this.report(index.counts(), true);
  }

  /** Places and shows the mentions found so far, in one task (a long scan's early results). */
  private refresh(): void {
    this.refreshes++;
    const started = now();
    const mentions = this.mentionsToShow();
    if (mentions && this.text) this.showIndex(new MentionIndex(this.text.place(mentions)));
    measure('task', started, { refresh: 1 });
  }

  /**
   * The same in slices, for the end of a scan: the rules, as many placements as fit in
   * REFRESH_SLICE_MS, the page's turn, more placements…, the index and the showing, each in a
   * task of its own.
   * A page with a thousand mentions or more (each placement is a few DOM calls) would otherwise
   * hold the thread for 15–20 ms. Skips the rest when the result no longer matters (`current`:
   * resolves with null) or a newer refresh has already shown it. Resolves with the milliseconds
   * of work.
   */
  private async refreshInSlices(current: () => boolean): Promise<number | null> {
    const round = ++this.refreshes;
    const text = this.text;
    let started = performance.now();
    let work = 0;
    const endSlice = () => {
      measure('task', started, { refresh: 1 });
      work += performance.now() - started;
    };
    const nextSlice = async (): Promise<boolean> => {
      endSlice();
      await this.turns.yield();
      started = performance.now();
      return current() && text === this.text;
    };
    const mentions = this.mentionsToShow();
    if (!mentions || !text) return null;
    const placed: PlacedMention[] = [];
    const cache: PieceCache = new Map();
    for (let from = 0; from < mentions.length; from += PLACE_BATCH) {
      if (performance.now() - started > REFRESH_SLICE_MS && !(await nextSlice())) return null;
      for (const m of text.place(mentions.slice(from, from + PLACE_BATCH), cache)) placed.push(m);
    }
    // Indexing (sorting in document order) and showing are a few milliseconds each on such a page.
    if (placed.length > PLACE_BATCH && !(await nextSlice())) return null;
    const index = new MentionIndex(placed);
    if (!(await nextSlice())) return null;
    // A newer refresh has shown everything found, this page's mentions included.
    if (round !== this.refreshes) return work;
    this.showIndex(index);
    endSlice();
    return work;
  }

  /** Once per frame's life: the handlers do nothing while the overlay is stopped. */
  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    const opts = { capture: true, passive: true };
    const on = <K extends keyof DocumentEventMap>(
      type: K,
      fn: (e: DocumentEventMap[K]) => void,
    ) => {
      // Only the reader's own input: events a page script dispatches are not trusted.
      this.ctx.addEventListener(document, type, (e) => e.isTrusted && fn(e), opts);
    };
    on('pointermove', (e) => this.cards.onPointerMove(e));
    on('pointerdown', (e) => this.cards.onPointerDown(e));
    on('keydown', (e) => this.cards.onKeyDown(e));
    this.ctx.setInterval(() => this.highlights.ensureRegistered(), REGISTRY_CHECK_MS);
  }
}
