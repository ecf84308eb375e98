import { autoUpdate, computePosition, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Card, type CardProps } from '@/components/Card';
import cardCss from '@/components/card.css?inline';

export const CARD_HOST_TAG = 'factlens-card';

interface ShadowUi {
  shadowHost: HTMLElement;
  shadow: ShadowRoot;
  uiContainer: HTMLElement;
}
const HEADING_ID = 'factlens-card-heading';
/** Below this much room under the mention, the card opens above it instead. */
const MIN_CARD_HEIGHT = 260;

export interface CardView {
  props: Omit<CardProps, 'headingId'>;
  /** Where the mention is now (viewport coordinates); null when it left the document. */
  anchor: () => DOMRect | null;
  /** An element near the mention, whose scrolling ancestors move the card along. */
  context: Element | null;
  dark: boolean;
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
}

/**
 * Owns the one shadow-root host of the page: mounts it when a card opens, renders the card with
 * new props, keeps it next to its mention, and removes the host again when the card closes, so
 * the page's DOM is untouched whenever no card is showing.
 */
export class CardHost {
  private ui: ShadowUi | null = null;
  private stopPositioning: (() => void) | null = null;
  private returnFocusTo: Element | null = null;
  private open = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly onAnchorGone: () => void,
  ) {}

  get isOpen(): boolean {
    return this.open;
  }

  /** Whether an event's target is the card (events from inside arrive retargeted to the host). */
  owns(target: EventTarget | null): boolean {
    return !!this.ui && target === this.ui.shadowHost;
  }

  show(view: CardView): void {
    const ui = this.ensureUi();
    if (!this.open) {
      this.returnFocusTo = view.focus ? document.activeElement : null;
      (document.body ?? document.documentElement).append(ui.shadowHost);
      this.open = true;
    }
    render(
      <div class={view.dark ? 'theme dark' : 'theme'}>
        <Card {...view.props} headingId={HEADING_ID} />
      </div>,
      ui.uiContainer,
    );
    const card = ui.uiContainer.querySelector<HTMLElement>('[role="dialog"]');
    if (!card) return;
    card.tabIndex = -1;
    this.position(card, view);
    if (view.focus) card.focus({ preventScroll: true });
  }

  hide({ restoreFocus = true } = {}): void {
    if (!this.open || !this.ui) return;
    this.open = false;
    this.stopPositioning?.();
    this.stopPositioning = null;
    render(null, this.ui.uiContainer);
    this.ui.shadowHost.remove();
    const back = this.returnFocusTo;
    this.returnFocusTo = null;
    if (restoreFocus && back instanceof HTMLElement && back.isConnected)
      back.focus({ preventScroll: true });
  }

  private position(card: HTMLElement, view: CardView): void {
    this.stopPositioning?.();
    const reference = {
      getBoundingClientRect: () => view.anchor() ?? new DOMRect(-1e4, -1e4, 0, 0),
      contextElement: view.context ?? undefined,
    };
    const update = () => {
      const rect = view.anchor();
      if (!rect || rect.bottom < 0 || rect.top > window.innerHeight) {
        this.onAnchorGone();
        return;
      }
      void computePosition(reference, card, {
        strategy: 'fixed',
        // Below the mention when there is room for a useful card, else on the roomier side; the
        // card then shrinks and scrolls inside rather than cover the line being read.
        placement:
          window.innerHeight - rect.bottom >= MIN_CARD_HEIGHT ||
          rect.top < window.innerHeight - rect.bottom
            ? 'bottom-start'
            : 'top-start',
        middleware: [
          offset(6),
          shift({ padding: 8 }),
          // Long cards scroll inside rather than run off the screen.
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(120, Math.min(420, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
      });
    };
    this.stopPositioning = autoUpdate(reference, card, update, { animationFrame: false });
  }

  private ensureUi(): ShadowUi {
    if (this.ui) return this.ui;
    // Built by hand rather than with WXT's createShadowRootUi: the same few DOM calls, without
    // the ~8 KB of mounting helpers it brings into a script that runs on every page.
    // Made in a document without the page's custom elements: a page that defined
    // <factlens-card> itself would otherwise build our host with its own class, whose shadow
    // root left ours failing ("already hosts a shadow tree") and the card never opening. Joining
    // the page later, the page's class can no longer take the host over (tests/e2e/hostile).
    const shadowHost = document.implementation.createHTMLDocument('').createElement(CARD_HOST_TAG);
    const shadow = shadowHost.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const uiContainer = document.createElement('div');
    shadow.append(style, uiContainer);
    this.ui = { shadowHost, shadow, uiContainer };
    // Page scripts can reach into an open shadow root: only the reader's own clicks and keys act.
    for (const type of ['click', 'keydown', 'keyup', 'input', 'submit']) {
      this.ui.shadow.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) {
            e.stopImmediatePropagation();
            e.preventDefault();
          }
        },
        true,
      );
    }
    this.ctx.onInvalidated(() => this.hide({ restoreFocus: false }));
    return this.ui;
  }
}
