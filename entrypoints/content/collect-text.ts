import type { TextSegment } from '../../utils/types.ts';

/**
 * Page text as the matcher sees it: text nodes joined per block element, so that a name split
 * across inline tags ("<b>Steve</b> Biegun") or a `<br>` still reads as one run of text.
 * DOM-only (no extension APIs), so the scan CLI runs the same code over a parsed saved page.
 */

/** One text node and where its first character sits in the segments' coordinate space. */
export interface TextRun {
  node: Text;
  start: number;
}

export interface CollectedText {
  segments: TextSegment[];
  /** In document order; `start` strictly increasing. */
  runs: TextRun[];
  /** First offset after this collection: the next collection starts here. */
  end: number;
}

// Elements that do not start a new run of text. Anything else (div, p, li, td, custom
// elements…) is treated as a block, which at worst splits a name rather than joins two.
const INLINE = new Set(
  'A ABBR ACRONYM B BDI BDO BIG CITE DATA DEL DFN EM FONT I INS KBD LABEL MARK Q RUBY RB RP RT S SAMP SMALL SPAN STRIKE STRONG SUB SUP TIME TT U VAR WBR'.split(
    ' ',
  ),
);

/** Never scanned: code, editable or hidden-from-assistive-tech text, and FactLens' own host. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  'FACTLENS-CARD',
]);

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function isSkippedElement(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
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

function blockOf(node: Node): Node | null {
  let el = node.parentElement;
  while (el && INLINE.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

/** blockOf, remembering the last parent: neighbouring text nodes mostly share one. */
function createBlockLookup(): (node: Node) => Node | null {
  let parent: Node | null = null;
  let block: Node | null = null;
  return (node) => {
    if (node.parentNode !== parent) {
      parent = node.parentNode;
      block = blockOf(node);
    }
    return block;
  };
}

/** Walks the text under a root in steps, so a huge page never holds the main thread long. */
export interface TextCollector {
  /** Walks until done or until `timeUp()` says to stop; true when the walk is complete. */
  step(timeUp: () => boolean): boolean;
  readonly result: CollectedText;
}

/**
 * Collects the text under `root`. Offsets start at `startOffset`; segments are separated by a gap
 * of one, so no mention can span two blocks.
 */
export function createTextCollector(root: Node, startOffset = 0): TextCollector {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  const result: CollectedText = { segments: [], runs: [], end: startOffset };
  const walker = doc?.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode: (n: Node) =>
      n.nodeType === ELEMENT_NODE && isSkippedElement(n as Element) ? FILTER_REJECT : FILTER_ACCEPT,
  });
  let offset = startOffset;
  let text = '';
  let segmentStart = offset;
  let block: Node | null | undefined;
  const blockLookup = createBlockLookup();
  let done = !walker;

  const flush = () => {
    if (text.trim()) result.segments.push({ text, offset: segmentStart });
    offset = segmentStart + text.length + 1;
    text = '';
    segmentStart = offset;
  };

  return {
    result,
    step(timeUp) {
      if (done || !walker) return true;
      let n: Node | null;
      let visited = 0;
      while ((n = walker.nextNode())) {
        if (n.nodeType === TEXT_NODE) {
          const data = (n as Text).data;
          if (!data) continue;
          const b = blockLookup(n);
          if (b !== block) {
            if (text) flush();
            block = b;
          }
          result.runs.push({ node: n as Text, start: segmentStart + text.length });
          text += data;
        } else if ((n as Element).tagName.toUpperCase() === 'BR' && text) {
          // A line break inside a block reads as a space, not as the end of the run.
          text += '\n';
        }
        // Checking the clock costs more than visiting a node: look every 256 nodes.
        if ((++visited & 255) === 0 && timeUp()) return false;
      }
      if (text) flush();
      result.end = offset;
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

/** The run holding offset `at` (binary search), or undefined in a gap between runs. */
export function runAt(runs: readonly TextRun[], at: number): TextRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (at < run.start) hi = mid - 1;
    // `length`, not `data.length`: in Firefox each read of `data` copies the whole string out of
    // the page's compartment, which made a page with one 5 MB text node hang for minutes.
    else if (at >= run.start + run.node.length) lo = mid + 1;
    else return run;
  }
  return undefined;
}
