import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Matcher } from '@/utils/matcher';
import type { PageEntryCount } from '@/utils/messages';
import type { Settings } from '@/utils/settings/model';
import type { CompiledIndex } from '@/utils/types';
import { CardController, type CardActions } from './card-controller';
import { HighlightLayer } from './highlights';
import { MentionIndex } from './mention-index';
import { PageText } from './page-text';
import { PageWatcher } from './page-watcher';
import { applyHighlightStyle } from './highlight-style';
import { measure, now } from './perf';

/** How often to check that the page has not cleared our highlights. */
const REGISTRY_CHECK_MS = 400;

/**
 * Lets the page run between slices: a private MessageChannel, which (unlike setTimeout) is not
 * throttled to once a second in background tabs. Not `scheduler.yield`: its continuations jump
 * ahead of the page's own tasks, so the page's timers and messages waited for the whole scan
 * (a round trip to a 200,000-node page took ~950 ms instead of ~100; tests/e2e/hostile/huge).
 */
const yieldToPage = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

/**
 * The overlay of one frame: scans the page, keeps highlights in step with its changes, and runs
 * the card. Started when the site is on; stopped (leaving the page as it was) when it is off.
 */
export class Overlay {
  private readonly highlights = new HighlightLayer();
  private readonly cards: CardController;
  private readonly watcher: PageWatcher;
  private text: PageText | null = null;
  private index: MentionIndex | null = null;
  private settings: Settings | null = null;
  private running = false;
  private generation = 0;
  private listening = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly data: CompiledIndex,
    /** Built on first use: a site that is off never pays for the index. */
    private readonly matcher: () => Matcher,
    actions: CardActions,
    private readonly report: (entries: PageEntryCount[], active: boolean) => void,
  ) {
    this.cards = new CardController(ctx, data, this.highlights, actions);
    this.watcher = new PageWatcher((roots) => this.rescan(roots));
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
      this.refresh();
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
    const text = new PageText(this.matcher());
    await yieldToPage();
    this.text = text;
    this.watcher.stop();
    this.watcher.start(root);
    let sliced = false;
    await text.scan(root, yieldToPage, () => {
      // The first slice covers the top of the page: show it before the rest is done.
      if (!sliced && generation === this.generation) this.refresh();
      sliced = true;
    });
    // The page gets the thread back between the last slice and the (short) refresh.
    await yieldToPage();
    if (generation === this.generation && this.running) {
      this.refresh();
      measure('scan', began);
    }
  }

  stop(): void {
    this.generation++;
    this.running = false;
    this.watcher.stop();
    this.cards.setIndex(null);
    this.highlights.hide();
    this.text = null;
    this.index = null;
    this.report([], false);
  }

  private async rescan(roots: Element[]): Promise<void> {
    const text = this.text;
    if (!text || !this.running) return;
    text.forget(roots);
    for (const root of roots) await text.scan(root, yieldToPage);
    await yieldToPage();
    if (text === this.text) this.refresh();
  }

  private refresh(): void {
    if (!this.text || !this.settings) return;
    const started = now();
    const { ignoredEntries, disabledCategories } = this.settings;
    const hidden = new Set(ignoredEntries);
    const categories = new Set<string>(disabledCategories);
    const entries = new Map(this.data.entries.map((e) => [e.id, e]));
    const mentions = this.text
      .resolve()
      .mentions.filter(
        (m) => !hidden.has(m.id) && !categories.has(entries.get(m.id)?.category ?? ''),
      );
    this.index = new MentionIndex(this.text.place(mentions));
    this.highlights.show(this.index.all.map((m) => m.range));
    this.cards.setIndex(this.index);
    this.report(this.index.counts(), true);
    measure('task', started, { refresh: 1 });
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
