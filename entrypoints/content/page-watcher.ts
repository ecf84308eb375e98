import { isInSkippedSubtree } from './collect-text';
import { CARD_HOST_TAG } from './card-host';

const INLINE =
  /^(A|ABBR|B|BDI|BDO|CITE|DATA|DEL|DFN|EM|FONT|I|INS|LABEL|MARK|Q|S|SMALL|SPAN|STRONG|SUB|SUP|TIME|U|VAR)$/;
/** Wait for the page to settle before rescanning (well under the 500 ms a reader would notice). */
const DEBOUNCE_MS = 120;
/** Rescan work allowed per second of page time, so a page that re-renders forever costs little. */
const BUDGET_MS_PER_S = 50;

/** The smallest roots to rescan: the block around each change, nested ones folded into outer. */
export function rootsToRescan(targets: Iterable<Node>): Element[] {
  const roots = new Set<Element>();
  for (const t of targets) {
    let el = t.nodeType === 1 ? (t as Element) : t.parentElement;
    while (el && INLINE.test(el.tagName) && el.parentElement) el = el.parentElement;
    if (el && el.isConnected && !isInSkippedSubtree(el)) roots.add(el);
  }
  return [...roots].filter((r) => {
    for (let p = r.parentElement; p; p = p.parentElement) if (roots.has(p)) return false;
    return true;
  });
}

/**
 * Watches the page for text changes and reports the subtrees to rescan, debounced, and throttled
 * to a budget of work per second.
 */
export class PageWatcher {
  private observer: MutationObserver;
  private pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private spent = 0;
  private windowStart = 0;
  /** The page replaced its <body> or <html> (document.open and write, a framework's render). */
  private replaced = false;

  /**
   * `rescan` resolves with the milliseconds of work it did (time spent waiting left out);
   * `rescanAll` scans the whole document again.
   */
  constructor(
    private readonly rescan: (roots: Element[]) => Promise<number>,
    private readonly rescanAll: () => Promise<void>,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  /** Watches the whole document, so that a new <body> or <html> is seen too. */
  start(doc: Document): void {
    this.observer.observe(doc, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.pending.clear();
    this.replaced = false;
  }

  private collect(records: MutationRecord[]): void {
    for (const r of records) {
      const target = r.target;
      if (isOurs(target)) continue;
      // Our own host coming and going is not a change of the page's text.
      if (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurs)) continue;
      // Only the document or <html> can gain a new <body> or <html>: other records skip the check.
      if (
        r.type === 'childList' &&
        isDocumentLevel(target) &&
        [...r.addedNodes].some(isDocumentRoot)
      )
        this.replaced = true;
      // Only text in the body is read (scripts and styles come and go in <head> all the time).
      else if (target.ownerDocument?.body?.contains(target)) this.pending.add(target);
    }
    if (this.pending.size || this.replaced) this.schedule(DEBOUNCE_MS);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async flush(): Promise<void> {
    const now = performance.now();
    if (now - this.windowStart > 1000) {
      this.windowStart = now;
      this.spent = 0;
    }
    if (this.spent > BUDGET_MS_PER_S) {
      this.schedule(1000 - (now - this.windowStart));
      return;
    }
    if (this.replaced) {
      this.pending.clear();
      this.replaced = false;
      const started = performance.now();
      await this.rescanAll();
      this.spent += performance.now() - started;
      return;
    }
    const roots = rootsToRescan(this.pending);
    this.pending.clear();
    if (!roots.length) return;
    this.spent += await this.rescan(roots);
  }
}

function isDocumentLevel(node: Node): boolean {
  return node.nodeType === Node.DOCUMENT_NODE || node.nodeName === 'HTML';
}

function isDocumentRoot(node: Node): boolean {
  return node.nodeName === 'BODY' || node.nodeName === 'HTML' || node.nodeName === 'FRAMESET';
}

function isOurs(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el && (el.tagName.toLowerCase() === CARD_HOST_TAG || !!el.closest(CARD_HOST_TAG));
}
