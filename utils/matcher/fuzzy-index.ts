/**
 * The fuzzy pass: typos of distinctive words ("Beigun", "Sohea", "Bermudes") and of multi-word
 * names around a word that did match ("Kim Jung Un", "Steven Biegun", "Choi Son Hui").
 *
 * Cost stays independent of the number of aliases. A lone page word is compared only with the
 * alias words filed under its length and its first or last letters (one typo leaves one of the two
 * ends intact), found by one probe of a bit set and, rarely, a map. Multi-word names are tried only
 * where one of their words occurs exactly.
 */
import { RULE_ANY, type AliasPattern, type AliasRef } from './aliases.ts';

/** Shortest alias word a typo is looked for in (shorter words have too many neighbours). */
export const MIN_TYPO_LENGTH = 5;

/** Typos allowed in a lone word: one, or two in long ones. */
function loneWordBudget(length: number): number {
  return length >= 9 ? 2 : 1;
}

/** Typos allowed in one word of a multi-word name ("Steven" for "Stephen" is two). */
export function nameWordBudget(length: number): number {
  return length >= 7 ? 2 : length >= 3 ? 1 : 0;
}

interface LoneTarget {
  pattern: AliasPattern;
  form: string;
  refs: AliasRef[];
  /** Every reference is a proper noun, so only a capitalised page word can be its typo. */
  namesOnly: boolean;
  budget: number;
}

interface Anchor {
  pattern: AliasPattern;
  /** Where the anchoring word sits in the pattern. */
  position: number;
}

export interface FuzzyIndex {
  lone: LoneTarget[];
  /** Length of the shortest lower-case page word that may be a typo of a lone alias word. */
  shortestLowerCaseTypo: number;
  byKey: Map<number, number[]>;
  keyBits: Uint32Array;
  /** Per vocabulary id: the multi-word names the word may anchor a typo search in. */
  anchors: Array<Anchor[] | undefined>;
}

export const BLOOM_MASK = (1 << 16) - 1;

function charCode5(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return 27;
  return 28 + (code & 3);
}

/** A word's key: its length and its first (or last) letters, two or three of them. */
export function keyOf(length: number, c0: number, c1: number, c2: number, fromEnd: number): number {
  return (
    ((((Math.min(length, 63) * 32 + charCode5(c0)) * 32 + charCode5(c1)) * 32 + charCode5(c2)) <<
      1) |
    fromEnd
  );
}

export function endsLength(length: number): number {
  return length >= 7 ? 3 : 2; // both ends of a 5- or 6-letter word overlap at three letters
}

function charAt(form: string, k: number): number {
  return k >= 0 && k < form.length ? form.charCodeAt(k) : 0;
}

/** The head and tail keys an alias word is filed under for page words of `length` letters. */
function keysOfForm(form: string, length: number): [number, number] {
  const p = endsLength(length);
  const n = form.length;
  return [
    keyOf(length, charAt(form, 0), charAt(form, 1), p === 3 ? charAt(form, 2) : 0, 0),
    keyOf(
      length,
      charAt(form, n - p),
      charAt(form, n - p + 1),
      p === 3 ? charAt(form, n - 1) : 0,
      1,
    ),
  ];
}

/** A lone word is worth correcting if it names someone or something and is not everyday language. */
function isLoneTarget(ref: AliasRef, form: string): boolean {
  if (ref.wordRules[0] !== RULE_ANY) return false; // acronyms match exactly or not at all
  return ref.properNoun || (!ref.ambiguous && form.length >= 8);
}

/**
 * Where a typo search in a multi-word name starts: its two longest capitalised words of three
 * letters or more. Only one word of a name may be misspelt, so one of two anchors always matches,
 * and short or lower-case words ("in", "of", "the") would start a search on every line.
 */
function anchorPositions(pattern: AliasPattern): number[] {
  // Plain loops: this runs for every name at start-up, before the optimiser has woken up.
  let best = -1;
  let second = -1;
  const length = (position: number) => pattern.forms[position]!.length;
  for (let position = 0; position < pattern.forms.length; position++) {
    if (!pattern.capitalized[position] || length(position) < 3) continue;
    if (best < 0 || length(position) > length(best)) {
      second = best;
      best = position;
    } else if (second < 0 || length(position) > length(second)) second = position;
  }
  return best < 0 ? [] : second < 0 ? [best] : [best, second];
}

export function buildFuzzyIndex(patterns: readonly AliasPattern[]): FuzzyIndex {
  const index: FuzzyIndex = {
    lone: [],
    byKey: new Map(),
    keyBits: new Uint32Array((BLOOM_MASK + 1) / 32),
    anchors: [],
    shortestLowerCaseTypo: Infinity,
  };
  for (const pattern of patterns) {
    if (pattern.ids.length === 1) {
      const form = pattern.forms[0]!;
      const refs = pattern.refs.filter((ref) => isLoneTarget(ref, form));
      if (form.length < MIN_TYPO_LENGTH || refs.length === 0) continue;
      const budget = loneWordBudget(form.length);
      const namesOnly = refs.every((ref) => ref.properNoun);
      const target = index.lone.push({ pattern, form, refs, namesOnly, budget }) - 1;
      if (!namesOnly) {
        const shortest = Math.max(MIN_TYPO_LENGTH, form.length - budget);
        index.shortestLowerCaseTypo = Math.min(index.shortestLowerCaseTypo, shortest);
      }
      for (
        let length = Math.max(MIN_TYPO_LENGTH, form.length - budget);
        length <= form.length + budget;
        length++
      ) {
        for (const key of keysOfForm(form, length)) {
          const list = index.byKey.get(key);
          if (!list) index.byKey.set(key, [target]);
          else if (list[list.length - 1] !== target) list.push(target);
          index.keyBits[(key & BLOOM_MASK) >>> 5]! |= 1 << (key & 31);
        }
      }
    } else if (pattern.refs.some((ref) => !ref.commonPhrase)) {
      for (const position of anchorPositions(pattern)) {
        (index.anchors[pattern.ids[position]!] ??= []).push({ pattern, position });
      }
    }
  }
  return index;
}

/** Whether the page word is the alias word plus an ending ("Korean" for "Korea"): not a typo. */
export function isInflection(pageForm: string, aliasForm: string): boolean {
  return pageForm.length > aliasForm.length && pageForm.startsWith(aliasForm);
}
