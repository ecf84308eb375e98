import { measure, now } from './perf';

export const MENTION_HIGHLIGHT = 'factlens-mention';
export const ACTIVE_HIGHLIGHT = 'factlens-active';

/**
 * FactLens' entries in the page's `CSS.highlights` registry. The registry is shared with the page,
 * which may clear it; `ensureRegistered` puts ours back.
 */
export class HighlightLayer {
  private readonly mentions = new Highlight();
  private readonly active = new Highlight();
  private shown = false;

  constructor(private readonly registry: HighlightRegistry = CSS.highlights) {
    // Above the page's own highlights, where it has some.
    this.mentions.priority = 1;
    this.active.priority = 2;
  }

  show(ranges: readonly AbstractRange[]): void {
    const started = now();
    this.mentions.clear();
    for (const r of ranges) this.mentions.add(r);
    this.shown = true;
    this.ensureRegistered();
    measure('register', started, { count: ranges.length });
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
    this.ensureRegistered();
  }

  /** Re-registers what the page removed; cheap enough to call on every check. */
  ensureRegistered(): void {
    if (!this.shown) return;
    if (this.registry.get(MENTION_HIGHLIGHT) !== this.mentions) {
      this.registry.set(MENTION_HIGHLIGHT, this.mentions);
    }
    if (this.active.size && this.registry.get(ACTIVE_HIGHLIGHT) !== this.active) {
      this.registry.set(ACTIVE_HIGHLIGHT, this.active);
    } else if (!this.active.size && this.registry.get(ACTIVE_HIGHLIGHT) === this.active) {
      this.registry.delete(ACTIVE_HIGHLIGHT);
    }
  }

  hide(): void {
    this.shown = false;
    this.mentions.clear();
    this.active.clear();
    if (this.registry.get(MENTION_HIGHLIGHT) === this.mentions)
      this.registry.delete(MENTION_HIGHLIGHT);
    if (this.registry.get(ACTIVE_HIGHLIGHT) === this.active) this.registry.delete(ACTIVE_HIGHLIGHT);
  }
}
