import type { PlacedMention } from './page-text';

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

function compareInDocument(a: PlacedMention, b: PlacedMention): number {
  const na = a.range.startContainer;
  const nb = b.range.startContainer;
  if (na === nb) return a.range.startOffset - b.range.startOffset;
  return na.compareDocumentPosition(nb) & FOLLOWING ? -1 : 1;
}

/** The mentions whose text sits directly in one element (hit-testing). */
export interface ElementMentions {
  readonly element: Element;
  readonly mentions: readonly PlacedMention[];
}

/**
 * The mentions of a page in reading order, looked up by the element their text sits in
 * (hit-testing: a pointer event's target is that element) and by entry.
 */
export class MentionIndex {
  readonly all: readonly PlacedMention[];
  private readonly byElement = new Map<
    EventTarget,
    { element: Element; mentions: PlacedMention[] }
  >();
  private readonly byEntry = new Map<string, PlacedMention[]>();

  constructor(placed: PlacedMention[]) {
    this.all = placed.sort(compareInDocument);
    for (const m of this.all) {
      // A mention split over inline tags ("Steve <a>Biegun</a>") is listed under each element.
      for (const node of m.nodes) {
        const element = node.parentElement;
        if (!element) continue;
        const entry = this.byElement.get(element);
        if (!entry) this.byElement.set(element, { element, mentions: [m] });
        else if (entry.mentions.at(-1) !== m) entry.mentions.push(m);
      }
      push(this.byEntry, m.id, m);
    }
  }

  /**
   * The mentions with text directly in `target` (a pointer event's target: the element whose
   * own text is under the pointer), in reading order; undefined when it holds none.
   */
  inElement(target: EventTarget | null): ElementMentions | undefined {
    return target ? this.byElement.get(target) : undefined;
  }

  /** Every element holding mention text, with its mentions. */
  elements(): Iterable<ElementMentions> {
    return this.byElement.values();
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
