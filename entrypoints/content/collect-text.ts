import type { TextSegment } from '../../utils/types.ts';

/**
 * Page text as the matcher sees it: text nodes joined per block element, so that a name split
 * across inline tags ("<b>Steve</b> Biegun") or a `<br>` still reads as one run of text.
 * DOM-only (no extension APIs), so the scan CLI runs the same code over a parsed saved page.
 *
 * The walk is the DOM half of a scan, and in a content script every node it touches costs a JS
 * wrapper of the script's own world: memory, and in Chromium a weak handle that every minor
 * garbage collection afterwards must process (on a 200,000-node page, one scavenge spent 15 ms on
 * them). So the walk touches as few nodes as it can. It visits the children of "mixed" elements
 * only — those with a block, a line break or a skipped element somewhere inside — and asks the
 * browser, with one `querySelector` that runs without creating any wrapper, whether a child is
 * mixed too. Every other element holds nothing but text and inline elements, so its whole text is
 * one `textContent` read, and neither its descendants nor its text nodes are ever touched. Most of
 * a page's text (paragraphs, headings, list items, links, table rows) is read this way, a block at
 * a time.
 * Where a mention falls inside such an element, its text nodes are found when the mention is
 * placed (`textNodesOf`), a handful of elements per page rather than every one.
 */

/**
 * The collected text. Its pieces are what the text was read from: a text node, or an element
 * whose whole `textContent` was read at once.
 */
export interface CollectedText {
  segments: TextSegment[];
  /** Text nodes and elements the segments were read from, in document order. */
  pieces: Node[];
  /** Where each piece's first character sits in the segments' offsets; strictly increasing. */
  starts: number[];
  /** Each piece's length when it was read. */
  lengths: number[];
  /**
   * First offset after the segments collected so far: where the next collection starts once
   * this one is done.
   */
  end: number;
  /** Characters in the segments collected so far. */
  chars: number;
}

// Elements that do not start a new run of text. Anything else (div, p, li, td, custom
// elements…) is treated as a block, which at worst splits a name rather than joins two.
const INLINE = new Set(
  'a abbr acronym b bdi bdo big cite data del dfn em font i ins kbd label mark q ruby rb rp rt s samp small span strike strong sub sup time tt u var wbr'.split(
    ' ',
  ),
);

/** Never scanned: code, editable or hidden-from-assistive-tech text, and FactLens' own host. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'factlens-card',
]);

/**
 * Elements that hold no text when parsed (an `<img>` among the words of a sentence): as long as
 * they have no children they change nothing, so they do not make their parent mixed.
 */
const EMPTY_TAGS = new Set(['img', 'area', 'embed', 'source', 'track', 'col', 'wbr', 'hr']);

/**
 * Any element that breaks a run of text: not inline (or inline but skipped by its tag), an empty
 * element that has children after all, or an element whose attributes skip it. An element with
 * no match inside is read whole.
 */
const BREAKS_TEXT = [
  `:not(${[...INLINE]
    .filter((tag) => !SKIPPED_TAGS.has(tag))
    .concat([...EMPTY_TAGS].map((tag) => `${tag}:empty`))
    .join(',')})`,
  '[aria-hidden="true"]',
  '[contenteditable]:not([contenteditable="false" i])',
].join(',');

const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
/** Nodes visited between two calls of the walk's `stop` check (it reads the clock). */
const CHECK_EVERY = 32;

/** Whether an element's own attributes keep it (and its subtree) out of the scan. */
function hasSkippingAttribute(el: Element): boolean {
  // Most elements have no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

export function isSkippedElement(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName) || hasSkippingAttribute(el);
}

/** Whether `node` or an ancestor (up to the document) is skipped: for rescans of a subtree. */
export function isInSkippedSubtree(node: Node): boolean {
  for (
    let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
    el;
    el = el.parentElement
  ) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** The nearest ancestor-or-self of `node` that is not inline: the block its text belongs to. */
function blockOf(node: Node | null): Node | null {
  let el = node;
  while (el && el.nodeType === ELEMENT_NODE && INLINE.has((el as Element).localName)) {
    el = el.parentNode;
  }
  return el;
}

/** Walks the text under a root in steps, so a huge page never holds the main thread long. */
export interface TextCollector {
  /**
   * Walks until done or until `stop()` (asked every few dozen nodes) says to; true when the walk
   * is complete. Segments are added to `result` as their blocks end, in document order.
   */
  step(stop: () => boolean): boolean;
  readonly done: boolean;
  readonly result: CollectedText;
}

/** A mixed element whose children the walk is visiting. */
interface Frame {
  /** The next child to visit. */
  next: Node | null;
  /** The block the element's own text belongs to. */
  block: Node | null;
}

/**
 * Collects the text under `root`. Offsets start at `startOffset`; segments are separated by a gap
 * of one, so no mention can span two blocks. The root itself is never skipped (callers check it)
 * and is always treated as mixed.
 */
export function createTextCollector(root: Node, startOffset = 0): TextCollector {
  const result: CollectedText = {
    segments: [],
    pieces: [],
    starts: [],
    lengths: [],
    end: startOffset,
    chars: 0,
  };
  const { segments, pieces, starts, lengths } = result;
  const frames: Frame[] = [{ next: root.firstChild, block: blockOf(root) }];
  let text = '';
  let segmentStart = startOffset;
  /** The block the text being gathered belongs to. */
  let block: Node | null | undefined;
  let done = false;

  const flush = () => {
    if (text.trim()) {
      segments.push({ text, offset: segmentStart });
      result.chars += text.length;
    }
    segmentStart += text.length + 1;
    result.end = segmentStart;
    text = '';
  };

  const append = (piece: Node, data: string, of: Node | null) => {
    if (of !== block) {
      if (text) flush();
      block = of;
    }
    pieces.push(piece);
    starts.push(segmentStart + text.length);
    lengths.push(data.length);
    text += data;
  };

  /** Walks until done (true) or told to stop. */
  const gather = (stop: () => boolean): boolean => {
    let visited = 0;
    let frame = frames[frames.length - 1];
    while (frame) {
      const n = frame.next;
      if (!n) {
        frames.pop();
        frame = frames[frames.length - 1];
        continue;
      }
      if (++visited === CHECK_EVERY) {
        visited = 0;
        if (stop()) return false;
      }
      frame.next = n.nextSibling;
      if (n.nodeType === TEXT_NODE) {
        const data = (n as Text).data;
        if (data) append(n, data, frame.block);
        continue;
      }
      if (n.nodeType !== ELEMENT_NODE) continue;
      const el = n as Element;
      const name = el.localName;
      if (SKIPPED_TAGS.has(name) || hasSkippingAttribute(el)) continue;
      if (name === 'br') {
        // A line break inside a block reads as a space, not as the end of the run.
        if (text) text += '\n';
        continue;
      }
      const of = INLINE.has(name) ? frame.block : el;
      if (el.childElementCount && el.querySelector(BREAKS_TEXT)) {
        frame = { next: el.firstChild, block: of };
        frames.push(frame);
        continue;
      }
      // Only text and inline elements inside: all of it at once.
      const data = el.textContent;
      if (data) append(el, data, of);
    }
    return true;
  };

  return {
    result,
    get done() {
      return done;
    },
    step(stop) {
      if (done) return true;
      if (!gather(stop)) return false;
      if (text) flush();
      done = true;
      return true;
    },
  };
}

/** The whole walk at once (the scan CLI, tests, small subtrees). */
export function collectSegments(root: Node, startOffset = 0): CollectedText {
  const collector = createTextCollector(root, startOffset);
  collector.step(() => false);
  return collector.result;
}

/** The index of the piece holding offset `at` (binary search), or -1 in a gap between pieces. */
export function pieceIndexAt(text: CollectedText, at: number): number {
  const { starts, lengths } = text;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = starts[mid]!;
    if (at < start) hi = mid - 1;
    else if (at >= start + lengths[mid]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** A piece's text nodes and where each starts, in the segments' offsets. */
export interface PieceNodes {
  nodes: Text[];
  starts: number[];
}

/**
 * The text nodes piece `index` was read from, or null when its text no longer has the length it
 * had (the page changed it; a rescan of its block follows).
 */
export function textNodesOf(text: CollectedText, index: number): PieceNodes | null {
  const piece = text.pieces[index]!;
  const start = text.starts[index]!;
  const length = text.lengths[index]!;
  // `length`, not `data.length`: in Firefox each read of `data` copies the whole string out of
  // the page's compartment, which made a page with one 5 MB text node hang for minutes.
  if (piece.nodeType === TEXT_NODE) {
    return (piece as Text).length === length ? { nodes: [piece as Text], starts: [start] } : null;
  }
  const doc = piece.ownerDocument;
  if (!doc) return null;
  const walker = doc.createTreeWalker(piece, SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = start;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const size = (n as Text).length;
    if (!size) continue;
    nodes.push(n as Text);
    starts.push(at);
    at += size;
  }
  return at - start === length ? { nodes, starts } : null;
}
