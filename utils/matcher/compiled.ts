/**
 * The alias table (alias-table.ts), compiled once by the data build and shipped in the index, so
 * that a page's start-up skips the costly half of building a matcher: normalising every name and
 * alias into words, numbering the words and merging the spellings that normalise alike. What is
 * left at start-up is splitting one string and reading three arrays of small numbers into typed
 * arrays. A matcher built from entries alone compiles them this way first
 * (`loadAliasTable(compileMatcherIndex(entries), entries)`): there is one way of building one.
 * The numbers are kept small, as the bundle carries them as text: a word as 0 if it is the next
 * word of the vocabulary, else as how many words back it came; a reference's entry as the step
 * from the previous reference's.
 */
import type { CompiledMatcherIndex, MatchableEntry } from '../types.ts';
import {
  AliasTable,
  REF_ACRONYM_SHIFT,
  REF_AMBIGUOUS,
  REF_COMMON_PHRASE,
  REF_PLURAL,
  REF_PROPER_NOUN,
} from './alias-table.ts';
import { compilePatterns, RULE_ACRONYM, RULE_ACRONYM_PLURAL, RULE_ANY } from './aliases.ts';
import { Vocabulary } from './vocabulary.ts';

/** A pattern's capitals, and a reference's acronyms, are bit masks of one 31-bit number. */
const MAX_WORDS = 26;
/** A pattern's head is its word count + HEAD_REFS × (its number of references - 1). */
const HEAD_REFS = 32;

/** What the data build ships: see `CompiledMatcherIndex`. */
export function compileMatcherIndex(entries: readonly MatchableEntry[]): CompiledMatcherIndex {
  const vocabulary = new Vocabulary();
  const compiled: CompiledMatcherIndex = { words: '', patterns: [], patternWords: [], refs: [] };
  let met = 0; // words met so far
  let lastEntry = 0;
  for (const { ids, capitalized, refs } of compilePatterns(entries, vocabulary)) {
    if (ids.length > MAX_WORDS) {
      throw new Error(`"${refs[0]!.text}" is more than ${MAX_WORDS} words long`);
    }
    let capitals = 0;
    capitalized.forEach((capital, k) => (capitals |= capital ? 1 << k : 0));
    compiled.patterns.push(ids.length + HEAD_REFS * (refs.length - 1), capitals);
    for (const id of ids) {
      if (id > met) throw new Error('words out of order'); // (new words come in id order)
      compiled.patternWords.push(id === met ? (met++, 0) : met - id);
    }
    for (const ref of refs) {
      const naming = ref.isName
        ? 0
        : entries[ref.entry]!.aliases.findIndex((alias) => alias.text === ref.text) + 1;
      if (naming < 0 || (naming === 0 && !ref.isName)) throw new Error(`no alias "${ref.text}"`);
      let flags =
        (ref.ambiguous ? REF_AMBIGUOUS : 0) |
        (ref.properNoun ? REF_PROPER_NOUN : 0) |
        (ref.commonPhrase ? REF_COMMON_PHRASE : 0);
      ref.wordRules.forEach((rule, k) => {
        if (rule === RULE_ACRONYM) flags |= 1 << (REF_ACRONYM_SHIFT + k);
        else if (rule === RULE_ACRONYM_PLURAL && k === ids.length - 1) flags |= REF_PLURAL;
        else if (rule !== RULE_ANY) throw new Error(`unexpected word rule ${rule}`);
      });
      compiled.refs.push(ref.entry - lastEntry, naming, flags);
      lastEntry = ref.entry;
    }
  }
  compiled.words = vocabulary.forms.join(' ');
  return compiled;
}

/**
 * The alias table of `compiled`, which the data build made from `entries`; undefined if it cannot
 * have (the entries do not fit it). Plain loops over typed arrays, few steps per pattern: this is
 * what a page runs at start-up, before anything is optimised.
 */
export function loadAliasTable(
  compiled: CompiledMatcherIndex,
  entries: readonly MatchableEntry[],
): AliasTable | undefined {
  const forms = compiled.words === '' ? [] : compiled.words.split(' ');
  const heads = compiled.patterns;
  const size = heads.length >> 1;
  if (heads.length !== 2 * size) return undefined;
  const wordStart = new Int32Array(size + 1);
  const refStart = new Int32Array(size + 1);
  const capitals = new Int32Array(size);
  for (let p = 0; p < size; p++) {
    const head = heads[2 * p]!;
    const length = head % HEAD_REFS;
    if (!(length >= 1 && head < 0x40000000)) return undefined;
    wordStart[p + 1] = wordStart[p]! + length;
    refStart[p + 1] = refStart[p]! + 1 + (head - length) / HEAD_REFS;
    capitals[p] = heads[2 * p + 1]!;
  }
  const words = Int32Array.from(compiled.patternWords);
  const refs = Int32Array.from(compiled.refs);
  if (wordStart[size] !== words.length || 3 * refStart[size]! !== refs.length) return undefined;
  let met = 0;
  for (let k = 0; k < words.length; k++) {
    const id = words[k] === 0 ? met++ : met - words[k]!;
    if (!(id >= 0 && id < forms.length)) return undefined;
    words[k] = id;
  }
  for (let r = 0, entry = 0; r < refs.length; r += 3) {
    entry += refs[r]!;
    refs[r] = entry;
    if (!(refs[r + 1]! >= 0 && refs[r + 1]! <= (entries[entry]?.aliases.length ?? -1))) {
      return undefined;
    }
  }
  if (met !== forms.length) return undefined;
  return new AliasTable(entries, forms, { wordStart, words, capitals, refStart, refs });
}
