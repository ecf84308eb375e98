/**
 * One segment of page text through the exact and fuzzy passes: the candidate matches the precision
 * rules then judge. The scanner lists, as it reads the words, the few that matter (those that may
 * start an alias or anchor a name, and those that may be a typo); the passes visit only those.
 * Buffers are reused across segments and calls, so a page of many small blocks allocates little
 * beyond its matches.
 */
import { scanWords, WordBuffer, WORD_BREAK_BEFORE, WORD_CAPITALIZED } from '../normalize.ts';
import type { TextSegment } from '../types.ts';
import { findExactMatches, type Automaton, type WordMatch } from './automaton.ts';
import type { FuzzyIndex } from './fuzzy-index.ts';
import { followsNamePart, precedesNamePart } from './name-context.ts';
import { findNameTypos } from './name-typos.ts';
import type { Candidate } from './precision.ts';
import type { Vocabulary } from './vocabulary.ts';
import { findWordTypos } from './word-typos.ts';

export interface CompiledAliases {
  vocabulary: Vocabulary;
  automaton: Automaton;
  fuzzy: FuzzyIndex | undefined;
}

const SMALL_CAPACITY = 4096;
const words = new WordBuffer();
/**
 * Per page word: 1 + index of the match that owns it, or 0. Kept all zero between segments
 * (each segment clears what it claimed), so a segment costs nothing for the words it does not match.
 */
let owner = new Int32Array(SMALL_CAPACITY);
/** The segment's matches (an entry replaced by a longer typo becomes undefined), and typos. */
const matches: Array<WordMatch | undefined> = [];
const wordTypos: WordMatch[] = [];

/** Lets go of buffers grown for one very long segment, so an idle page keeps little memory. */
export function releaseLargeBuffers(): void {
  words.shrink();
  if (owner.length > SMALL_CAPACITY) owner = new Int32Array(SMALL_CAPACITY);
}

function ensureCapacity(count: number): void {
  if (owner.length >= count) return;
  owner = new Int32Array(Math.max(count, owner.length * 2));
}

/** Lets a multi-word typo ("Kim Jung Un") replace the shorter exact matches inside it ("Kim"). */
function mergeNameTypos(matches: Array<WordMatch | undefined>, typos: readonly WordMatch[]): void {
  for (const typo of typos) {
    let fits = true;
    for (let w = typo.first; w <= typo.last && fits; w++) {
      const match = owner[w]! > 0 ? matches[owner[w]! - 1] : undefined;
      fits =
        !match ||
        (match.edits === 0 &&
          match.first >= typo.first &&
          match.last <= typo.last &&
          match.last - match.first < typo.last - typo.first);
    }
    if (!fits) continue;
    for (let w = typo.first; w <= typo.last; w++) {
      if (owner[w]! > 0) matches[owner[w]! - 1] = undefined;
    }
    owner.fill(matches.push(typo), typo.first, typo.last + 1);
  }
}

/** Whether nearly every word of four letters or more is capitalised ("Trump Meets Kim In Hanoi"). */
function isTitleCase(scanned: WordBuffer): boolean {
  let long = 0;
  let capitalized = 0;
  for (let i = 0; i < scanned.count; i++) {
    if (scanned.end[i]! - scanned.start[i]! < 4) continue;
    long++;
    if ((scanned.flags[i]! & WORD_CAPITALIZED) !== 0) capitalized++;
  }
  return long >= 3 && capitalized >= long * 0.8;
}

export function scanSegment(
  aliases: CompiledAliases,
  segment: TextSegment,
  segmentIndex: number,
  out: Candidate[],
): void {
  const { vocabulary, automaton, fuzzy } = aliases;
  const { text, offset } = segment;
  scanWords(text, words, vocabulary.table);
  // Most blocks of a page name nothing: no word that may start or anchor an alias, or be a typo.
  if (words.markedCount === 0 && words.typoCount === 0) return;
  const ids = words.known;
  ensureCapacity(words.count);

  if (matches.length > 0) matches.length = 0;
  findExactMatches(
    automaton,
    vocabulary,
    text,
    words,
    ids,
    words.marked,
    words.markedCount,
    matches as WordMatch[],
  );
  for (let m = 0; m < matches.length; m++)
    owner.fill(m + 1, matches[m]!.first, matches[m]!.last + 1);
  if (fuzzy && words.markedCount > 0) {
    const nameTypos = findNameTypos(
      fuzzy,
      vocabulary,
      text,
      words,
      ids,
      words.marked,
      words.markedCount,
    );
    if (nameTypos.length > 0) {
      mergeNameTypos(
        matches,
        nameTypos.filter((typo) =>
          typo.pattern.ids.every(
            (id, k) =>
              id !== vocabulary.idAt(text, words, typo.first + k) ||
              vocabulary.confirm(id, text, words, typo.first + k),
          ),
        ),
      );
    }
  }
  if (fuzzy && words.typoCount > 0) {
    if (wordTypos.length > 0) wordTypos.length = 0;
    findWordTypos(fuzzy, text, words, owner, words.typos, words.typoCount, wordTypos);
    for (const typo of wordTypos) owner[typo.first] = matches.push(typo);
  }
  if (matches.length === 0) return;

  // In a headline in Title Case every word is capitalised, so capitals say nothing about names.
  const checkNames = !isTitleCase(words);
  for (const match of matches) {
    if (!match) continue;
    const start = words.start[match.first]!;
    const end = words.end[match.last]!;
    const single = checkNames && match.first === match.last;
    let aliasLength = 0;
    for (const form of match.pattern.forms) aliasLength += form.length;
    out.push({
      segment: segmentIndex,
      start: offset + start,
      end: offset + end,
      text: text.slice(start, end),
      refs: match.refs,
      edits: match.edits,
      aliasLength,
      sentenceStart: (words.flags[match.first]! & WORD_BREAK_BEFORE) !== 0,
      afterNamePart: single && followsNamePart(text, words, match.first, owner),
      beforeNamePart: single && precedesNamePart(text, words, match.last, owner),
    });
  }
  for (const match of matches) if (match) owner.fill(0, match.first, match.last + 1);
}
