/**
 * The matcher: finds every mention of the dataset's entries in page text, in one pass linear in
 * the text (DESIGN.md, decision 4). Pure: no DOM, no browser APIs; the content script, the popup,
 * the data build and the scan CLI all use it.
 *
 *   const matcher = createMatcher(INDEX.entries);
 *   const { mentions, summary } = matcher.findMentions([{ text: 'Steve Biegun said…', offset: 0 }]);
 */
import type { MatchableEntry, MatchResult, TextSegment } from './types.ts';
import { compilePatterns } from './matcher/aliases.ts';
import { buildAutomaton } from './matcher/automaton.ts';
import { buildFuzzyIndex } from './matcher/fuzzy-index.ts';
import { applyPrecisionRules, type Candidate } from './matcher/precision.ts';
import { releaseLargeBuffers, scanSegment, type CompiledAliases } from './matcher/segment-scan.ts';
import { Vocabulary } from './matcher/vocabulary.ts';

export interface MatcherOptions {
  /**
   * How much of the field a page must name unambiguously to be on topic, which lets ambiguous
   * aliases and typos count there: each distinct entry weighs 1½, a general one (Japan) 1.
   * Default 3 (two entries of the field, or three with general ones among them). A page that
   * names only general entries is never on topic, and they are not marked there.
   */
  minTopicWeight?: number;
  /** Look for typos. Default true. */
  fuzzy?: boolean;
}

export interface Matcher {
  /**
   * Mentions in `segments` (independent runs of text; a mention never spans two), in the
   * segments' shared offsets, sorted by start. Evidence for ambiguous aliases is drawn from all
   * the segments of one call, so pass a whole page at once.
   */
  findMentions(segments: readonly TextSegment[]): MatchResult;
  /**
   * The costly half of findMentions, for callers that work in slices (the content script):
   * candidates in `segments`, numbered from `firstSegment` so that slices of one page keep their
   * neighbourhoods apart. Linear in the text.
   */
  scanSegments(segments: readonly TextSegment[], firstSegment: number): Candidate[];
  /** The cheap half: the page-wide precision rules over every candidate of the page. */
  resolve(candidates: readonly Candidate[]): MatchResult;
}

export type { Candidate };

const DEFAULT_MIN_TOPIC_WEIGHT = 3;

function relationsOf(entries: readonly MatchableEntry[]): Array<Set<number>> {
  const indexOf = new Map(entries.map((entry, index) => [entry.id, index]));
  const related = entries.map(() => new Set<number>());
  entries.forEach((entry, index) => {
    for (const id of entry.related ?? []) {
      const other = indexOf.get(id);
      if (other === undefined || other === index) continue;
      related[index]!.add(other);
      related[other]!.add(index);
    }
  });
  return related;
}

export function createMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  const vocabulary = new Vocabulary();
  const patterns = compilePatterns(entries, vocabulary);
  vocabulary.seal();
  const aliases: CompiledAliases = {
    vocabulary,
    automaton: buildAutomaton(patterns, vocabulary.size),
    fuzzy: options.fuzzy === false ? undefined : buildFuzzyIndex(patterns),
  };
  const context = {
    entryIds: entries.map((entry) => entry.id),
    related: relationsOf(entries),
    isPlace: entries.map((entry) => entry.category === 'place'),
    isGeneral: entries.map((entry) => entry.general === true),
    minTopicWeight: options.minTopicWeight ?? DEFAULT_MIN_TOPIC_WEIGHT,
  };
  const scanSegments = (segments: readonly TextSegment[], firstSegment: number) => {
    const candidates: Candidate[] = [];
    segments.forEach((segment, index) =>
      scanSegment(aliases, segment, firstSegment + index, candidates),
    );
    releaseLargeBuffers();
    return candidates;
  };
  const resolve = (candidates: readonly Candidate[]) => applyPrecisionRules(candidates, context);
  return {
    findMentions: (segments) => resolve(scanSegments(segments, 0)),
    scanSegments,
    resolve,
  };
}
