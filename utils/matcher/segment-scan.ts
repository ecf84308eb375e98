/**
 * One segment of page text through the exact and fuzzy passes: the candidate matches the precision
 * rules then judge. One pass over the words sorts out the few that matter (those that start an
 * alias, anchor a name, or might be a typo); the passes then visit only those. Buffers are reused
 * across segments and calls, so a page of many small blocks allocates little beyond its matches.
 */
import {
  scanWords,
  WordBuffer,
  WORD_BREAK_BEFORE,
  WORD_CAPITALIZED,
  WORD_IRREGULAR,
} from '../normalize.ts';
import type { TextSegment } from '../types.ts';
import { findExactMatches, type Automaton, type WordMatch } from './automaton.ts';
import { MIN_TYPO_LENGTH, type FuzzyIndex } from './fuzzy-index.ts';
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
/** Per page word: 1 + index of the match that owns it, or 0. */
let owner = new Int32Array(SMALL_CAPACITY);
let aliasStarts = new Int32Array(SMALL_CAPACITY);
let anchorWords = new Int32Array(SMALL_CAPACITY);
let typoCandidates = new Int32Array(SMALL_CAPACITY);

/** Lets go of buffers grown for one very long segment, so an idle page keeps little memory. */
export function releaseLargeBuffers(): void {
  words.shrink();
  if (owner.length > SMALL_CAPACITY) {
    owner = new Int32Array(SMALL_CAPACITY);
    aliasStarts = new Int32Array(SMALL_CAPACITY);
    anchorWords = new Int32Array(SMALL_CAPACITY);
    typoCandidates = new Int32Array(SMALL_CAPACITY);
  }
}

function ensureCapacity(count: number): void {
  if (owner.length >= count) return;
  const size = Math.max(count, owner.length * 2);
  owner = new Int32Array(size);
  aliasStarts = new Int32Array(size);
  anchorWords = new Int32Array(size);
  typoCandidates = new Int32Array(size);
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
  const count = words.count;
  const ids = words.known;
  ensureCapacity(count);

  let startCount = 0;
  let anchorCount = 0;
  let typoCount = 0;
  const { firstWord } = automaton;
  const anchors = fuzzy?.anchors ?? [];
  const shortestLowerCase = fuzzy ? fuzzy.shortestLowerCaseTypo : Infinity;
  const shortestCapitalized = fuzzy ? MIN_TYPO_LENGTH : Infinity;
  const { flags, start, end } = words;
  for (let i = 0; i < count; i++) {
    const id = ids[i]!;
    if (id >= 0) {
      if (firstWord[id]! >= 0) aliasStarts[startCount++] = i;
      if (anchors[id] !== undefined) anchorWords[anchorCount++] = i;
      continue;
    }
    // Only words in no alias can be typos, and only long ones (longer still if lower case).
    const shortest = (flags[i]! & WORD_CAPITALIZED) !== 0 ? shortestCapitalized : shortestLowerCase;
    if (shortest === Infinity) continue;
    const length =
      (flags[i]! & WORD_IRREGULAR) !== 0 ? words.forms[i]!.length : end[i]! - start[i]!;
    if (length >= shortest) typoCandidates[typoCount++] = i;
  }

  const matches: Array<WordMatch | undefined> = [];
  findExactMatches(
    automaton,
    vocabulary,
    text,
    words,
    ids,
    aliasStarts,
    startCount,
    matches as WordMatch[],
  );
  owner.fill(0, 0, count);
  matches.forEach((match, index) => owner.fill(index + 1, match!.first, match!.last + 1));
  if (fuzzy) {
    const nameTypos = findNameTypos(fuzzy, text, words, ids, anchorWords, anchorCount).filter(
      (typo) =>
        typo.pattern.ids.every(
          (id, k) =>
            id !== ids[typo.first + k] || vocabulary.confirm(id, text, words, typo.first + k),
        ),
    );
    mergeNameTypos(matches, nameTypos);
    const typos: WordMatch[] = [];
    findWordTypos(fuzzy, text, words, owner, typoCandidates, typoCount, typos);
    for (const typo of typos) owner[typo.first] = matches.push(typo);
  }

  // In a headline in Title Case every word is capitalised, so capitals say nothing about names.
  const checkNames = matches.length > 0 && !isTitleCase(words);
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
}
