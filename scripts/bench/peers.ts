/**
 * What FactLens is measured against, over the same segments of text:
 * - the floor: one combined regular expression of every name and alias (no normalisation, no
 *   typos, no precision rules: the least any matcher must do);
 * - the usual keyword highlighter: mark.js-style, one regular expression per alias, each run over
 *   the whole text (mark.js also walks the DOM once per keyword, so this is its best case);
 * - naive fuzzy matching: fuse.js asked about every word of the page.
 */
import Fuse from 'fuse.js';
import type { MatchableEntry, TextSegment } from '../../utils/types.ts';

export function aliasTexts(entries: readonly MatchableEntry[]): string[] {
  const texts = new Set(
    entries.flatMap((entry) => [entry.name, ...entry.aliases.map((alias) => alias.text)]),
  );
  return [...texts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function countMatches(pattern: RegExp, segments: readonly TextSegment[]): number {
  let count = 0;
  for (const { text } of segments) {
    pattern.lastIndex = 0;
    while (pattern.exec(text) !== null) count++;
  }
  return count;
}

/** The floor: one case-insensitive alternation of every alias, longest first, on word boundaries. */
export function combinedRegExpScan(
  entries: readonly MatchableEntry[],
): (segments: readonly TextSegment[]) => number {
  const pattern = new RegExp(`\\b(?:${aliasTexts(entries).map(escape).join('|')})\\b`, 'gi');
  return (segments) => countMatches(pattern, segments);
}

/**
 * The same alternation with Unicode word boundaries (`giu`, letters and digits of any script):
 * what it takes for a single RegExp to find the dataset's Korean-script aliases at all, which
 * the ASCII `\b` of the floor cannot.
 */
export function unicodeRegExpScan(
  entries: readonly MatchableEntry[],
): (segments: readonly TextSegment[]) => number {
  const alternatives = aliasTexts(entries).map(escape).join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  return (segments) => countMatches(pattern, segments);
}

/** mark.js-style: one regular expression per alias, each over all the text. */
export function regExpPerAliasScan(
  entries: readonly MatchableEntry[],
): (segments: readonly TextSegment[]) => number {
  const patterns = aliasTexts(entries).map((alias) => new RegExp(`\\b${escape(alias)}\\b`, 'gi'));
  return (segments) => patterns.reduce((sum, pattern) => sum + countMatches(pattern, segments), 0);
}

/** Words of the page as a naive tokenizer sees them. */
export function pageWords(segments: readonly TextSegment[]): string[] {
  return segments.flatMap(({ text }) => text.split(/\s+/).filter((word) => word !== ''));
}

/** Naive fuzzy matching: one fuse.js search per page word (run on a sample and extrapolated). */
export function fuseEveryWord(
  entries: readonly MatchableEntry[],
): (words: readonly string[]) => number {
  const fuse = new Fuse(aliasTexts(entries), { threshold: 0.3, includeScore: true });
  return (words) => words.reduce((sum, word) => sum + fuse.search(word).length, 0);
}
