/**
 * The alias patterns as the matcher keeps them: flat typed arrays, as the data build ships them
 * (compiled.ts), with a pattern's object (`AliasPattern`, with its references) made only when a
 * page first matches it. A page names a few dozen of the hundreds of patterns; its start-up,
 * before anything is optimised, pays nothing per pattern for the objects.
 */
import type { MatchableEntry } from '../types.ts';
import {
  RULE_ACRONYM,
  RULE_ACRONYM_PLURAL,
  RULE_ANY,
  type AliasPattern,
  type AliasRef,
} from './aliases.ts';

/** Bits of a reference's flags (see `AliasTable.refs`). */
export const REF_AMBIGUOUS = 1;
export const REF_PROPER_NOUN = 2;
export const REF_COMMON_PHRASE = 4;
/** The last word is an acronym's plural ("ICBMs"). */
export const REF_PLURAL = 8;
/** From this bit on: one per word that is an acronym. */
export const REF_ACRONYM_SHIFT = 4;

/** Word rules without acronyms, by word count: shared, as nothing changes them. */
const PLAIN_RULES: number[][] = [];

export class AliasTable {
  /** Pattern p's words (vocabulary ids) are `words[wordStart[p]]` … `words[wordStart[p + 1] - 1]`. */
  readonly wordStart: Int32Array;
  readonly words: Int32Array;
  /** Per pattern: a bit per word that some naming capitalises. */
  readonly capitals: Int32Array;
  /**
   * Pattern p's references are `refStart[p]` … `refStart[p + 1] - 1`; reference r is its entry
   * `refs[3r]`, its naming `refs[3r + 1]` (0 for the name, k for the k-th alias) and REF_ flags
   * `refs[3r + 2]`.
   */
  readonly refStart: Int32Array;
  readonly refs: Int32Array;
  private readonly objects: Array<AliasPattern | undefined>;

  constructor(
    readonly entries: readonly MatchableEntry[],
    /** The vocabulary: word id → normalised form. */
    readonly forms: string[],
    parts: Pick<AliasTable, 'wordStart' | 'words' | 'capitals' | 'refStart' | 'refs'>,
  ) {
    this.wordStart = parts.wordStart;
    this.words = parts.words;
    this.capitals = parts.capitals;
    this.refStart = parts.refStart;
    this.refs = parts.refs;
    this.objects = new Array<AliasPattern | undefined>(parts.capitals.length);
  }

  get size(): number {
    return this.capitals.length;
  }

  /** The number of words of pattern `p`. */
  length(p: number): number {
    return this.wordStart[p + 1]! - this.wordStart[p]!;
  }

  /** The REF_ flags of reference `r`. */
  flags(r: number): number {
    return this.refs[3 * r + 2]!;
  }

  /** Pattern `p` as an object (made once). */
  pattern(p: number): AliasPattern {
    let pattern = this.objects[p];
    if (pattern === undefined) {
      const ids: number[] = [];
      const forms: string[] = [];
      const capitalized: boolean[] = [];
      const first = this.wordStart[p]!;
      for (let k = first; k < this.wordStart[p + 1]!; k++) {
        ids.push(this.words[k]!);
        forms.push(this.forms[this.words[k]!]!);
        capitalized.push(((this.capitals[p]! >>> (k - first)) & 1) === 1);
      }
      const refs: AliasRef[] = [];
      for (let r = this.refStart[p]!; r < this.refStart[p + 1]!; r++) {
        refs.push(this.ref(r, ids.length));
      }
      pattern = this.objects[p] = { ids, forms, capitalized, refs };
    }
    return pattern;
  }

  private ref(r: number, length: number): AliasRef {
    const entry = this.refs[3 * r]!;
    const naming = this.refs[3 * r + 1]!;
    const flags = this.refs[3 * r + 2]!;
    const { name, aliases } = this.entries[entry]!;
    return {
      entry,
      text: naming === 0 ? name : aliases[naming - 1]!.text,
      isName: naming === 0,
      ambiguous: (flags & REF_AMBIGUOUS) !== 0,
      properNoun: (flags & REF_PROPER_NOUN) !== 0,
      commonPhrase: (flags & REF_COMMON_PHRASE) !== 0,
      wordRules: wordRulesOf(length, flags),
    };
  }
}

/** The word rules REF_ flags `flags` give a pattern of `length` words. */
export function wordRulesOf(length: number, flags: number): number[] {
  const acronyms = flags >>> REF_ACRONYM_SHIFT;
  const plural = (flags & REF_PLURAL) !== 0;
  if (acronyms === 0 && !plural) {
    let rules = PLAIN_RULES[length];
    if (rules === undefined) {
      rules = [];
      for (let k = 0; k < length; k++) rules.push(RULE_ANY);
      PLAIN_RULES[length] = rules;
    }
    return rules;
  }
  const rules: number[] = [];
  for (let k = 0; k < length; k++) {
    rules.push(((acronyms >>> k) & 1) === 1 ? RULE_ACRONYM : RULE_ANY);
  }
  if (plural) rules[length - 1] = RULE_ACRONYM_PLURAL;
  return rules;
}
