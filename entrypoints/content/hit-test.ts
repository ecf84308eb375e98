import type { MentionIndex } from './mention-index';
import type { PlacedMention } from './page-text';

interface Caret {
  node: Node;
  offset: number;
}

function caretAt(doc: Document, x: number, y: number): Caret | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether (x, y) is inside one of the line boxes of `mention`. */
export function pointInMention(
  doc: Document,
  mention: PlacedMention,
  x: number,
  y: number,
): boolean {
  const range = doc.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  for (const r of range.getClientRects()) {
    if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  }
  return false;
}

/**
 * The mention under the pointer: the caret position names a text node and offset, the node's
 * mentions are looked up in the index, and the range's boxes confirm it (the caret snaps to the
 * nearest text even when the pointer is in a margin).
 */
export function mentionAtPoint(
  doc: Document,
  index: MentionIndex,
  x: number,
  y: number,
): PlacedMention | null {
  const caret = caretAt(doc, x, y);
  if (!caret) return null;
  const inNode = index.inNode(caret.node);
  if (!inNode) return null;
  for (const m of inNode) {
    const from = m.range.startContainer === caret.node ? m.range.startOffset : 0;
    const to = m.range.endContainer === caret.node ? m.range.endOffset : Infinity;
    if (caret.offset >= from && caret.offset <= to && pointInMention(doc, m, x, y)) return m;
  }
  return null;
}
