/**
 * The exact pass: a trie over alias word sequences, walked from each page word that is in the
 * vocabulary. Aliases are a handful of words long, so the walk is bounded and the pass is linear in
 * the page; the longest alias that fits the page's letter case wins, and the scan resumes after it.
 */
import {
  WORD_ALL_CAPS,
  WORD_BREAK_BEFORE,
  WORD_CAPITALIZED,
  WORD_CAPS_PLURAL,
  type WordBuffer,
} from '../normalize.ts';
import { RULE_ACRONYM, RULE_ACRONYM_PLURAL, type AliasPattern, type AliasRef } from './aliases.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Automaton {
  /** Per trie node: vocabulary id → child node. Node 0 is the root. */
  children: Array<Map<number, number> | undefined>;
  /** The root's children as an array by vocabulary id (-1: no alias starts with that word). */
  firstWord: Int32Array;
  /** Per trie node: the pattern ending there, or undefined. */
  patternAt: Array<AliasPattern | undefined>;
}

/** Page words `first`…`last` (inclusive) that name an alias, before the precision rules. */
export interface WordMatch {
  first: number;
  last: number;
  pattern: AliasPattern;
  /** The references whose letter case fits the page. */
  refs: AliasRef[];
  /** Typos corrected (0 for an exact match). */
  edits: number;
}

export function buildAutomaton(
  patterns: readonly AliasPattern[],
  vocabularySize: number,
): Automaton {
  const children: Automaton['children'] = [undefined];
  const patternAt: Automaton['patternAt'] = [undefined];
  for (const pattern of patterns) {
    let node = 0;
    for (const id of pattern.ids) {
      const edges = (children[node] ??= new Map<number, number>());
      let next = edges.get(id);
      if (next === undefined) {
        next = children.length;
        edges.set(id, next);
        children.push(undefined);
        patternAt.push(undefined);
      }
      node = next;
    }
    patternAt[node] = pattern;
  }
  const firstWord = new Int32Array(vocabularySize).fill(-1);
  for (const [id, node] of children[0] ?? []) firstWord[id] = node;
  return { children, firstWord, patternAt };
}

/** Whether the page words from `first` have the letter case `ref` demands. */
export function caseFits(ref: AliasRef, words: WordBuffer, first: number): boolean {
  if (ref.properNoun && (words.flags[first]! & WORD_CAPITALIZED) === 0) return false;
  for (let k = 0; k < ref.wordRules.length; k++) {
    const rule = ref.wordRules[k];
    const flags = words.flags[first + k]!;
    if (rule === RULE_ACRONYM && (flags & WORD_ALL_CAPS) === 0) return false;
    if (rule === RULE_ACRONYM_PLURAL && (flags & WORD_CAPS_PLURAL) === 0) return false;
  }
  return true;
}

export function fittingRefs(pattern: AliasPattern, words: WordBuffer, first: number): AliasRef[] {
  return pattern.refs.filter((ref) => caseFits(ref, words, first));
}

/** Whether page words `first`…`last` really are the vocabulary words their hashes point to. */
export function confirmed(
  vocabulary: Vocabulary,
  text: string,
  words: WordBuffer,
  ids: Int32Array,
  first: number,
  last: number,
): boolean {
  for (let w = first; w <= last; w++)
    if (!vocabulary.confirm(ids[w]!, text, words, w)) return false;
  return true;
}

const ends: number[] = [];
const endPatterns: AliasPattern[] = [];

/**
 * Leftmost-longest exact matches over the page words. `ids` holds each word's vocabulary id (-1
 * for words in no alias); `starts` the first `startCount` words, in order, that begin an alias.
 * A mention never spans a sentence or clause break.
 */
export function findExactMatches(
  automaton: Automaton,
  vocabulary: Vocabulary,
  text: string,
  words: WordBuffer,
  ids: Int32Array,
  starts: Int32Array,
  startCount: number,
  out: WordMatch[],
): void {
  const { children, firstWord, patternAt } = automaton;
  const count = words.count;
  let resumeAt = 0;
  for (let s = 0; s < startCount; s++) {
    const w = starts[s]!;
    if (w < resumeAt) continue;
    let node = firstWord[ids[w]!]!;
    ends.length = 0;
    endPatterns.length = 0;
    for (let j = w; ;) {
      const pattern = patternAt[node];
      if (pattern) {
        ends.push(j);
        endPatterns.push(pattern);
      }
      j++;
      if (j >= count || ids[j]! < 0 || (words.flags[j]! & WORD_BREAK_BEFORE) !== 0) break;
      const next: number | undefined = children[node]?.get(ids[j]!);
      if (next === undefined) break;
      node = next;
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const pattern = endPatterns[k]!;
      const refs = fittingRefs(pattern, words, w);
      if (refs.length > 0 && confirmed(vocabulary, text, words, ids, w, ends[k]!)) {
        out.push({ first: w, last: ends[k]!, pattern, refs, edits: 0 });
        resumeAt = ends[k]! + 1;
        break;
      }
    }
  }
}
