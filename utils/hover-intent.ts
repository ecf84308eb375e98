/**
 * Hover intent for the card (WCAG 1.4.13): open after the pointer rests on a mention, not while it
 * sweeps across the page; stay open while the pointer is on the mention or the card; close a
 * moment after it leaves, or at once on dismiss. Timers are passed in, so it runs under fake
 * clocks in tests.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface HoverIntentOptions {
  openDelayMs: number;
  closeDelayMs: number;
  /** Pointer speed (px/ms) above which resting has not begun yet. */
  fastSpeed: number;
}

export interface HoverIntentCallbacks<T> {
  open(target: T): void;
  close(): void;
}

export interface HoverIntent<T> {
  /** The pointer is over `target` (null: over nothing of ours), moving at `speed` px/ms. */
  pointer(target: T | null, speed: number): void;
  enterCard(): void;
  leaveCard(): void;
  /** Esc, a click elsewhere, the mention scrolled away. */
  dismiss(): void;
  /** Opens at once (keyboard, popup), as if the pointer had rested. */
  openNow(target: T): void;
  setDelays(openDelayMs: number): void;
  readonly current: T | null;
}

export function createHoverIntent<T>(
  options: HoverIntentOptions,
  timers: Timers,
  callbacks: HoverIntentCallbacks<T>,
  same: (a: T, b: T) => boolean = Object.is,
): HoverIntent<T> {
  let openDelay = options.openDelayMs;
  let current: T | null = null;
  let pending: T | null = null;
  let openTimer: unknown = null;
  let closeTimer: unknown = null;
  let inCard = false;

  const cancelOpen = () => {
    if (openTimer !== null) timers.clear(openTimer);
    openTimer = null;
    pending = null;
  };
  const cancelClose = () => {
    if (closeTimer !== null) timers.clear(closeTimer);
    closeTimer = null;
  };
  const show = (target: T) => {
    cancelOpen();
    cancelClose();
    current = target;
    callbacks.open(target);
  };
  const hide = () => {
    cancelOpen();
    cancelClose();
    inCard = false;
    if (current === null) return;
    current = null;
    callbacks.close();
  };
  const scheduleClose = () => {
    if (current === null || inCard || closeTimer !== null) return;
    closeTimer = timers.set(() => {
      closeTimer = null;
      hide();
    }, options.closeDelayMs);
  };
  const scheduleOpen = (target: T) => {
    if (openTimer !== null) timers.clear(openTimer);
    pending = target;
    openTimer = timers.set(() => {
      openTimer = null;
      if (pending !== null) show(pending);
    }, openDelay);
  };

  return {
    pointer(target, speed) {
      if (target === null) {
        cancelOpen();
        scheduleClose();
        return;
      }
      if (current !== null && same(current, target)) {
        cancelOpen();
        cancelClose();
        return;
      }
      // On another mention while a card is open: that card stays until the new one opens, or
      // closes as usual if the pointer moves on.
      cancelClose();
      if (pending !== null && same(pending, target) && speed <= options.fastSpeed) return;
      scheduleOpen(target);
    },
    enterCard() {
      inCard = true;
      cancelOpen();
      cancelClose();
    },
    leaveCard() {
      inCard = false;
      scheduleClose();
    },
    dismiss: hide,
    openNow: show,
    setDelays(ms) {
      openDelay = ms;
    },
    get current() {
      return current;
    },
  };
}
