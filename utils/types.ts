/**
 * The shapes shared by the data build, the matcher, the content script and the popup.
 * Pure types: no runtime code, no browser APIs.
 */

export const CATEGORIES = [
  'person',
  'organization',
  'place',
  'facility',
  'event',
  'policy',
  'concept',
  'weapon',
  'media',
  'document',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Metadata of one source article, from the front matter of `data/sources/<id>.md`. */
export interface SourceMeta {
  id: string;
  title: string;
  author: string;
  authorRole?: string;
  publication: string;
  /** As precise as known, e.g. "2019-03". Never invented. */
  date?: string;
  series?: string;
}

/** One sentence of a source that mentions an entry. */
export interface ContextSentence {
  source: string;
  /** 1-based paragraph number within the source body. */
  paragraph: number;
  text: string;
  /** Spans of `text` (UTF-16 offsets, end exclusive) where the entry is named. */
  marks: Array<[number, number]>;
}

export interface AliasDef {
  text: string;
  /** Ambiguous alone (a surname, a common phrase): counts only with evidence on the page. */
  ambiguous: boolean;
}

/** One compiled entry of the dataset. */
export interface Entry {
  id: string;
  name: string;
  category: Category;
  summary: string;
  /** Every surface form a reader meets, the canonical name excluded. */
  aliases: AliasDef[];
  related: string[];
  /** Pinned sentence first, then in source order. Empty when the sources never mention it. */
  contexts: ContextSentence[];
  /** For entries the sources never name: what the card says instead of a quote. */
  absentNote?: string;
  /**
   * Turns up in news of every kind (a country such as Japan): marked only on a page that names
   * something specific to the field, and no evidence on its own that a page is on topic.
   */
  general?: true;
}

export interface CompiledIndex {
  version: 1;
  sources: SourceMeta[];
  entries: Entry[];
  /** The entries' names and aliases compiled for the matcher. */
  matcher: CompiledMatcherIndex;
}

/**
 * The matcher's alias table as the data build compiles it from the entries (in their order), so
 * that a page's start-up need not normalise every alias again (utils/matcher/compiled.ts).
 */
export interface CompiledMatcherIndex {
  /** Every word of every alias, normalised, separated by spaces: a word's id is its position. */
  words: string;
  /**
   * Per pattern (a distinct sequence of words): its word and reference counts, and a bit mask of
   * the words some naming capitalises.
   */
  patterns: number[];
  /** The patterns' words, one pattern after another. */
  patternWords: number[];
  /**
   * The patterns' references, one pattern after another, each as its entry, its naming (0 for
   * the name, k for the k-th alias) and flags (see utils/matcher/alias-table.ts).
   */
  refs: number[];
}

/**
 * What the matcher needs of an entry. `related` and `category` are optional and sharpen the
 * precision rules: an everyday phrase counts only near a mention of a related entry (or of any
 * entry that is not a place), and places weigh less when judging whether a page is on topic.
 * `general` entries count only on a page that names an entry that is not general.
 */
export type MatchableEntry = Pick<Entry, 'id' | 'name' | 'aliases'> &
  Partial<Pick<Entry, 'related' | 'category'>> & { general?: boolean };

/** A run of page text; `offset` places it in one coordinate space shared by all segments. */
export interface TextSegment {
  text: string;
  offset: number;
}

/**
 * exact: the canonical name; alias: another listed alias; fuzzy: a near miss of an alias
 * (typo); coreference: an ambiguous alias accepted because the entry is named in full on the page.
 */
export type MatchKind = 'exact' | 'alias' | 'fuzzy' | 'coreference';

export interface Mention {
  id: string;
  /** Offsets in the segments' coordinate space, end exclusive. */
  start: number;
  end: number;
  /** The surface text on the page. */
  text: string;
  kind: MatchKind;
  /** 1 for exact and alias matches; below 1 for fuzzy ones (higher is closer). */
  score: number;
  /** The alias (or name) that matched. */
  alias: string;
}

export interface PageSummary {
  /** Distinct entries with their mention counts, most mentioned first, then by id. */
  entries: Array<{ id: string; count: number }>;
  /** Whether the page is about the field (enough distinct unambiguous entries). */
  onTopic: boolean;
}

export interface MatchResult {
  mentions: Mention[];
  summary: PageSummary;
}
