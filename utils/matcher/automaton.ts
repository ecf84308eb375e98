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
import type { AliasTable } from './alias-table.ts';
import { RULE_ACRONYM, RULE_ACRONYM_PLURAL, type AliasPattern, type AliasRef } from './aliases.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Automaton {
  /** The root's children by vocabulary id: the node an alias starting with that word reaches, or -1. */
  firstWord: Int32Array;
  /**
   * The other edges, in an open-addressing table: slot → parent node + 1 (0: empty), the word's
   * vocabulary id and the child node.
   */
  edgeParent: Int32Array;
  edgeWord: Int32Array;
  edgeChild: Int32Array;
  /** Per trie node: 1 + the pattern ending there, or 0. Node 0 is the root. */
  patternAt: Int32Array;
  /** Per trie node: 1 if it has children, else 0. */
  parents: Uint8Array;
  /** The patterns (made objects as matches need them). */
  table: AliasTable;
}

function edgeSlot(parent: number, id: number, mask: number): number {
  return Math.imul(Math.imul(parent, 0x9e3779b1) ^ id, 0x85ebca6b) & mask;
}

/** The child of `node` along vocabulary word `id`, or -1. */
export function childOf(automaton: Automaton, node: number, id: number): number {
  const { edgeParent, edgeWord } = automaton;
  const mask = edgeParent.length - 1;
  for (let slot = edgeSlot(node, id, mask); ; slot = (slot + 1) & mask) {
    const parent = edgeParent[slot]!;
    if (parent === 0) return -1;
    if (parent === node + 1 && edgeWord[slot] === id) return automaton.edgeChild[slot]!;
  }
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

export function buildAutomaton(table: AliasTable): Automaton {
  const { wordStart, words } = table;
  let capacity = 16;
  while (capacity < words.length * 2) capacity *= 2;
  // A node per pattern word at most, and the root.
  const patternAt = new Int32Array(words.length + 1);
  const parents = new Uint8Array(words.length + 1);
  const firstWord = new Int32Array(table.forms.length).fill(-1);
  const edgeParent = new Int32Array(capacity);
  const edgeWord = new Int32Array(capacity);
  const edgeChild = new Int32Array(capacity);
  const mask = capacity - 1;
  let nodes = 1;
  // Plain loops over typed arrays: this runs at start-up, before the optimiser has woken up.
  for (let p = 0; p < table.size; p++) {
    const first = words[wordStart[p]!]!;
    let node = firstWord[first]!;
    if (node < 0) node = firstWord[first] = nodes++;
    for (let k = wordStart[p]! + 1; k < wordStart[p + 1]!; k++) {
      const id = words[k]!;
      let slot = Math.imul(Math.imul(node, 0x9e3779b1) ^ id, 0x85ebca6b) & mask; // (edgeSlot)
      let child = -1;
      while (edgeParent[slot] !== 0) {
        if (edgeParent[slot] === node + 1 && edgeWord[slot] === id) {
          child = edgeChild[slot]!;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (child < 0) {
        child = nodes++;
        edgeParent[slot] = node + 1;
        edgeWord[slot] = id;
        edgeChild[slot] = child;
        parents[node] = 1;
      }
      node = child;
    }
    patternAt[node] = p + 1;
  }
  return { firstWord, edgeParent, edgeWord, edgeChild, patternAt, parents, table };
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

/** The references of `pattern` whose letter case fits the page words from `first`. */
export function fittingRefs(pattern: AliasPattern, words: WordBuffer, first: number): AliasRef[] {
  const { refs } = pattern;
  for (const ref of refs) {
    if (!caseFits(ref, words, first)) return refs.filter((other) => caseFits(other, words, first));
  }
  return refs; // the usual case, without a copy (nobody changes a match's references)
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

/** The alias ends met on one walk down the trie (reused). */
const ends: number[] = [];
const endPatterns: number[] = [];

/**
 * Leftmost-longest exact matches over the page words. `ids` holds the scanner's vocabulary ids
 * (see `Vocabulary.idAt` for the words it leaves out); `starts` the first `startCount` words, in
 * order, that may begin an alias (every word that does is among them).
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
  const { firstWord, patternAt, parents, table } = automaton;
  const count = words.count;
  let resumeAt = 0;
  for (let s = 0; s < startCount; s++) {
    const w = starts[s]!;
    if (w < resumeAt) continue;
    let node = firstWord[ids[w]!]!;
    if (node < 0) continue;
    let found = 0;
    for (let j = w; ;) {
      if (patternAt[node] !== 0) {
        ends[found] = j;
        endPatterns[found++] = patternAt[node]! - 1;
      }
      j++;
      if (parents[node] === 0 || j >= count || (words.flags[j]! & WORD_BREAK_BEFORE) !== 0) break;
      const id = vocabulary.idAt(text, words, j);
      if (id < 0) break;
      const next = childOf(automaton, node, id);
      if (next < 0) break;
      node = next;
    }
    for (let k = found - 1; k >= 0; k--) {
      const pattern = table.pattern(endPatterns[k]!);
      const refs = fittingRefs(pattern, words, w);
      if (refs.length > 0 && confirmed(vocabulary, text, words, ids, w, ends[k]!)) {
        out.push({ first: w, last: ends[k]!, pattern, refs, edits: 0 });
        resumeAt = ends[k]! + 1;
        break;
      }
    }
  }
}
