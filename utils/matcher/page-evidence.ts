/**
 * What a page has already established: where each entry is named unambiguously (for
 * coreference) and which entries each block of text names (for evidence close by).
 */
import type { AliasRef } from './aliases.ts';

/** Blocks of text either side of a mention that can vouch for it. */
const NEIGHBOURHOOD = 1;

export class PageEvidence {
  /** Entry → starts of its unambiguous mentions. */
  private readonly namedAt = new Map<number, number[]>();
  /** Segment → entries mentioned in it (unambiguously, or accepted on evidence). */
  private readonly mentionedIn = new Map<number, Set<number>>();
  /** Segment → entries confirmed in it: named unambiguously, or by coreference. */
  private readonly confirmedIn = new Map<number, Set<number>>();

  constructor(
    private readonly related: ReadonlyArray<ReadonlySet<number>>,
    private readonly isPlace: readonly boolean[],
    private readonly isGeneral: readonly boolean[],
  ) {}

  /**
   * How much the page names of the field: each distinct entry named unambiguously weighs 1½, or
   * 1 if it is general — the United States and Japan turn up in news of every kind; North Korea,
   * Pyongyang and the people, policies and events of this field do not. With a threshold of 3:
   * two entries of the field, or three with general ones among them.
   */
  get topicWeight(): number {
    let weight = 0;
    for (const entry of this.namedAt.keys()) weight += this.isGeneral[entry] ? 1 : 1.5;
    return weight;
  }

  /** Whether any entry named unambiguously passes `test`. */
  namesAny(test: (entry: number) => boolean): boolean {
    for (const entry of this.namedAt.keys()) if (test(entry)) return true;
    return false;
  }

  isNamed(entry: number): boolean {
    return this.namedAt.has(entry);
  }

  addNamed(entry: number, start: number, segment: number): void {
    const starts = this.namedAt.get(entry);
    if (starts) starts.push(start);
    else this.namedAt.set(entry, [start]);
    this.addMentioned(entry, segment, true);
  }

  /** A mention accepted on evidence; `confirmed` if by coreference (the entry is named). */
  addMentioned(entry: number, segment: number, confirmed: boolean): void {
    addTo(this.mentionedIn, segment, entry);
    if (confirmed) addTo(this.confirmedIn, segment, entry);
  }

  /**
   * How strongly the text close to `segment` vouches for `ref`'s entry: one point per distinct
   * entry mentioned there that is related to it (any entry, if the dataset gives it no
   * relations) or is confirmed and not a place, two if it is the entry itself. Entries accepted
   * only on topic vouch just for their relations, so everyday phrases cannot vouch for each other
   * in a chain ("sanctions" → "go big") on a page about something else.
   */
  supportNear(ref: AliasRef, segment: number): number {
    const related = this.related[ref.entry]!;
    const supporters = new Set<number>();
    for (let s = segment - NEIGHBOURHOOD; s <= segment + NEIGHBOURHOOD; s++) {
      const confirmed = this.confirmedIn.get(s);
      for (const entry of this.mentionedIn.get(s) ?? []) {
        const independent = confirmed?.has(entry) === true && !this.isPlace[entry];
        if (entry === ref.entry || related.size === 0 || related.has(entry) || independent)
          supporters.add(entry);
      }
    }
    return supporters.size + (supporters.has(ref.entry) ? 1 : 0);
  }

  /** Of several entries an alias may name, the one named unambiguously closest to `at`. */
  nearestNamed(refs: readonly AliasRef[], at: number): AliasRef {
    let best = refs[0]!;
    let bestDistance = Infinity;
    for (const ref of refs) {
      for (const start of this.namedAt.get(ref.entry) ?? []) {
        // Prefer the name before the mention (the usual order: full name, then surname).
        const distance = start <= at ? at - start : (start - at) * 2;
        if (distance < bestDistance) {
          bestDistance = distance;
          best = ref;
        }
      }
    }
    return best;
  }
}

function addTo(map: Map<number, Set<number>>, key: number, value: number): void {
  const values = map.get(key);
  if (values) values.add(value);
  else map.set(key, new Set([value]));
}
