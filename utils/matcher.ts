/**
 * The matcher: finds every mention of the dataset's entries in page text, in one pass linear in
 * the text (DESIGN.md, decision 4). Pure: no DOM, no browser APIs; the content script, the popup,
 * the data build and the scan CLI all use it.
 *
 *   const matcher = createMatcher(INDEX.entries, { compiled: INDEX.matcher });
 *   const { mentions, summary } = matcher.findMentions([{ text: 'Steve Biegun said…', offset: 0 }]);
 */
import type { CompiledMatcherIndex, MatchableEntry, MatchResult, TextSegment } from './types.ts';
import { buildAutomaton } from './matcher/automaton.ts';
import { compileMatcherIndex, loadAliasTable } from './matcher/compiled.ts';
import { buildFuzzyIndex, MIN_TYPO_LENGTH } from './matcher/fuzzy-index.ts';
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
  /**
   * The entries' alias table as the data build compiled it (`compileMatcherIndex`), which spares
   * start-up most of its work (the bundled index ships it as `INDEX.matcher`). Without it, or
   * if it does not fit the entries, they are compiled here, the same way.
   */
  compiled?: CompiledMatcherIndex;
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
export { compileMatcherIndex } from './matcher/compiled.ts';

const DEFAULT_MIN_TOPIC_WEIGHT = 3;

function relationsOf(entries: readonly MatchableEntry[]): Array<Set<number>> {
  const indexOf = new Map<string, number>();
  const related: Array<Set<number>> = [];
  for (let index = 0; index < entries.length; index++) {
    indexOf.set(entries[index]!.id, index);
    related.push(new Set());
  }
  for (let index = 0; index < entries.length; index++) {
    const ids = entries[index]!.related ?? [];
    for (let k = 0; k < ids.length; k++) {
      const other = indexOf.get(ids[k]!);
      if (other === undefined || other === index) continue;
      related[index]!.add(other);
      related[other]!.add(index);
    }
  }
  return related;
}

export function createMatcher(
  entries: readonly MatchableEntry[],
  options: MatcherOptions = {},
): Matcher {
  // The aliases as the data build compiled them; or compiled now, the same way.
  const shipped = options.compiled;
  const table =
    (shipped && loadAliasTable(shipped, entries)) ??
    loadAliasTable(compileMatcherIndex(entries), entries)!;
  const vocabulary = new Vocabulary(table.forms);
  const automaton = buildAutomaton(table);
  const fuzzy = options.fuzzy === false ? undefined : buildFuzzyIndex(table);
  vocabulary.seal(
    automaton.firstWord,
    fuzzy?.anchorHead,
    fuzzy ? [fuzzy.shortestLowerCaseTypo, MIN_TYPO_LENGTH] : [Infinity, Infinity],
    fuzzy?.keyBits ?? new Uint32Array(0),
  );
  const aliases: CompiledAliases = { vocabulary, automaton, fuzzy };
  const context = {
    entryIds: entries.map((entry) => entry.id),
    related: relationsOf(entries),
    isPlace: entries.map((entry) => entry.category === 'place'),
    isGeneral: entries.map((entry) => entry.general === true),
    minTopicWeight: options.minTopicWeight ?? DEFAULT_MIN_TOPIC_WEIGHT,
  };
  const scanSegments = (segments: readonly TextSegment[], firstSegment: number) => {
    const candidates: Candidate[] = [];
    for (let k = 0; k < segments.length; k++) {
      scanSegment(aliases, segments[k]!, firstSegment + k, candidates);
    }
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
