import type { PlacedMention } from './page-text';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function compareInDocument(a: PlacedMention, b: PlacedMention): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  return na.compareDocumentPosition(nb) & FOLLOWING ? -1 : 1;
}

/** The mentions of a page in reading order, looked up by text node (hit-testing) and by entry. */
export class MentionIndex {
  readonly all: readonly PlacedMention[];
  private readonly byNode = new Map<Node, PlacedMention[]>();
  private readonly byEntry = new Map<string, PlacedMention[]>();

  constructor(placed: PlacedMention[]) {
    this.all = placed.sort(compareInDocument);
    for (const m of this.all) {
      for (const node of m.nodes) push(this.byNode, node, m);
      push(this.byEntry, m.id, m);
    }
  }

  inNode(node: Node): readonly PlacedMention[] | undefined {
    return this.byNode.get(node);
  }

  ofEntry(id: string): readonly PlacedMention[] {
    return this.byEntry.get(id) ?? [];
  }

  /** Distinct entries with counts, most mentioned first (the popup and the badge). */
  counts(): Array<{ id: string; count: number }> {
    return [...this.byEntry]
      .map(([id, list]) => ({ id, count: list.length }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
  }

  /** The same mention in this index (after a rescan), by position. */
  find(old: PlacedMention): PlacedMention | undefined {
    return this.ofEntry(old.id).find(
      (m) =>
        m.range.startContainer === old.range.startContainer &&
        m.range.startOffset === old.range.startOffset,
    );
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
