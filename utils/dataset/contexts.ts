/**
 * Draws each entry's context sentences from the sources with the browser's own matcher, so a card
 * quotes exactly the sentences in which a reader of the article would see the term marked.
 */
import type {
  ContextSentence,
  MatchableEntry,
  MatchResult,
  Mention,
  TextSegment,
} from '../types.ts';
import type { ParsedSource } from './source-file.ts';
import { splitSentences, type SourceSentence } from './sentences.ts';

export type CreateMatcher = (entries: readonly MatchableEntry[]) => {
  findMentions(segments: readonly TextSegment[]): MatchResult;
};

export interface SourceText {
  source: ParsedSource;
  sentences: SourceSentence[];
}

export interface DrawnContexts {
  /** Context sentences per entry id, in source order (sources by id, then by position). */
  byEntry: Map<string, ContextSentence[]>;
  /** Fuzzy matches in a source: left out of the contexts, reported so a curator can look. */
  fuzzyMentions: Array<{ source: string; mention: Mention }>;
}

export function splitSources(sources: readonly ParsedSource[]): SourceText[] {
  return sources.map((source) => ({ source, sentences: splitSentences(source.body) }));
}

/** The body's non-blank lines (its paragraphs) as matcher segments in body offsets. */
function paragraphSegments(body: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let offset = 0;
  for (const line of body.split('\n')) {
    if (line.trim() !== '') segments.push({ text: line, offset });
    offset += line.length + 1;
  }
  return segments;
}

/** Index of the sentence that holds `offset`, or -1 (a mention never crosses a sentence end). */
function sentenceAt(sentences: readonly SourceSentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle];
    if (sentence === undefined) break;
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.start + sentence.text.length) low = middle + 1;
    else return middle;
  }
  return -1;
}

export function drawContexts(
  texts: readonly SourceText[],
  entries: readonly MatchableEntry[],
  createMatcher: CreateMatcher,
): DrawnContexts {
  const matcher = createMatcher(entries);
  const byEntry = new Map<string, ContextSentence[]>();
  const fuzzyMentions: DrawnContexts['fuzzyMentions'] = [];
  for (const { source, sentences } of texts) {
    // One call per source, one segment per paragraph: the content script hands the matcher one
    // segment per block element, and evidence for ambiguous aliases (the full name elsewhere on
    // the page, a related entry in a neighbouring block) must be weighed exactly as it is there.
    const segments = paragraphSegments(source.body);
    const { mentions } = matcher.findMentions(segments);
    const marksByEntry = new Map<string, Map<number, Array<[number, number]>>>();
    for (const mention of mentions) {
      // A curated source names its terms exactly; a near miss there is a missing alias or a false
      // match, and either way not a quote to put under the term's name.
      if (mention.kind === 'fuzzy') {
        fuzzyMentions.push({ source: source.meta.id, mention });
        continue;
      }
      const index = sentenceAt(sentences, mention.start);
      const sentence = sentences[index];
      if (sentence === undefined) continue;
      const start = mention.start - sentence.start;
      const end = Math.min(mention.end - sentence.start, sentence.text.length);
      const perSentence =
        marksByEntry.get(mention.id) ?? new Map<number, Array<[number, number]>>();
      perSentence.set(index, [...(perSentence.get(index) ?? []), [start, end]]);
      marksByEntry.set(mention.id, perSentence);
    }
    for (const [entryId, perSentence] of marksByEntry) {
      const contexts = byEntry.get(entryId) ?? [];
      for (const index of [...perSentence.keys()].sort((a, b) => a - b)) {
        const sentence = sentences[index];
        const marks = (perSentence.get(index) ?? []).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        if (sentence === undefined) continue;
        contexts.push({
          source: source.meta.id,
          paragraph: sentence.paragraph,
          text: sentence.text,
          marks,
        });
      }
      byEntry.set(entryId, contexts);
    }
  }
  return { byEntry, fuzzyMentions };
}

/** Where a pinned text is found: the whole sentence, only inside one, or nowhere. */
export function locatePin(
  texts: readonly SourceText[],
  pin: string,
): { sentence: string; source: string } | { partOf: string } | undefined {
  for (const { source, sentences } of texts) {
    if (sentences.some((sentence) => sentence.text === pin))
      return { sentence: pin, source: source.meta.id };
  }
  for (const { source, sentences } of texts) {
    if (!source.body.includes(pin)) continue;
    const holder = sentences.find((sentence) => sentence.text.includes(pin));
    return { partOf: holder?.text ?? `a passage of ${source.meta.id}` };
  }
  return undefined;
}
