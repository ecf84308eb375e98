/**
 * The fuzzy pass: typos of distinctive words ("Beigun", "Sohea", "Bermudes") and of multi-word
 * names around a word that did match ("Kim Jung Un", "Steven Biegun", "Choi Son Hui").
 *
 * Cost stays independent of the number of aliases. A lone page word is compared only with the
 * alias words filed under its length and its first or last letters (one typo leaves one of the two
 * ends intact), found by one probe of a bit set and, rarely, a map. Multi-word names are tried only
 * where one of their words occurs exactly.
 */
import { addKey, endsLength, KEY_MASK, keyOf } from '../normalize.ts';
import {
  REF_ACRONYM_SHIFT,
  REF_AMBIGUOUS,
  REF_COMMON_PHRASE,
  REF_PLURAL,
  REF_PROPER_NOUN,
  type AliasTable,
} from './alias-table.ts';
import { RULE_ANY, type AliasRef } from './aliases.ts';

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
  /** The pattern, a single word. */
  p: number;
  form: string;
  /** Its references that are lone targets (made when first needed: see `loneTargetRefs`). */
  refs: AliasRef[] | undefined;
  /** Every such reference is a proper noun, so only a capitalised page word can be its typo. */
  namesOnly: boolean;
  budget: number;
}

export interface FuzzyIndex {
  lone: LoneTarget[];
  /** Length of the shortest lower-case page word that may be a typo of a lone alias word. */
  shortestLowerCaseTypo: number;
  byKey: Map<number, number[]>;
  keyBits: Uint32Array;
  /**
   * The multi-word names a word may anchor a typo search in, as lists: per vocabulary id its
   * first anchor, or -1; per anchor the next of its word's (or -1), the pattern and where in it
   * the word sits.
   */
  anchorHead: Int32Array;
  anchorNext: Int32Array;
  anchorPattern: Int32Array;
  anchorPosition: Int32Array;
  table: AliasTable;
}

/** A lone word is worth correcting if it names someone or something and is not everyday language. */
function isLoneTarget(ref: AliasRef, form: string): boolean {
  if (ref.wordRules[0] !== RULE_ANY) return false; // acronyms match exactly or not at all
  return ref.properNoun || (!ref.ambiguous && form.length >= 8);
}

/** `isLoneTarget` for reference `r` of a one-word pattern of `length` letters, from its flags. */
function isLoneTargetRef(table: AliasTable, r: number, length: number): boolean {
  const flags = table.flags(r);
  if ((flags & (REF_PLURAL | (1 << REF_ACRONYM_SHIFT))) !== 0) return false;
  return (flags & REF_PROPER_NOUN) !== 0 || ((flags & REF_AMBIGUOUS) === 0 && length >= 8);
}

/** The references of lone target `target` that make it one (as objects: made once). */
export function loneTargetRefs(index: FuzzyIndex, target: LoneTarget): AliasRef[] {
  return (target.refs ??= index.table
    .pattern(target.p)
    .refs.filter((ref) => isLoneTarget(ref, target.form)));
}

/** Files one-word pattern `p` under its keys if some reference makes it a lone target. */
function fileLoneTarget(index: FuzzyIndex, p: number): void {
  const { table } = index;
  const form = table.forms[table.words[table.wordStart[p]!]!]!;
  const n = form.length;
  if (n < MIN_TYPO_LENGTH) return;
  let targets = 0;
  let names = 0;
  for (let r = table.refStart[p]!; r < table.refStart[p + 1]!; r++) {
    if (!isLoneTargetRef(table, r, n)) continue;
    targets++;
    if ((table.flags(r) & REF_PROPER_NOUN) !== 0) names++;
  }
  if (targets === 0) return;
  const budget = loneWordBudget(n);
  const namesOnly = names === targets;
  const target = index.lone.push({ p, form, refs: undefined, namesOnly, budget }) - 1;
  if (!namesOnly) {
    index.shortestLowerCaseTypo = Math.min(
      index.shortestLowerCaseTypo,
      Math.max(MIN_TYPO_LENGTH, n - budget),
    );
  }
  // The head and tail keys the word is filed under for page words of each length it may take.
  const c0 = form.charCodeAt(0);
  const c1 = form.charCodeAt(1);
  const c2 = form.charCodeAt(2);
  const t3 = form.charCodeAt(n - 3);
  const t2 = form.charCodeAt(n - 2);
  const t1 = form.charCodeAt(n - 1);
  for (let length = Math.max(MIN_TYPO_LENGTH, n - budget); length <= n + budget; length++) {
    const three = endsLength(length) === 3;
    fileKey(index, keyOf(length, c0, c1, three ? c2 : 0, 0), target);
    fileKey(index, three ? keyOf(length, t3, t2, t1, 1) : keyOf(length, t2, t1, 0, 1), target);
  }
}

function fileKey(index: FuzzyIndex, key: number, target: number): void {
  const list = index.byKey.get(key);
  if (!list) index.byKey.set(key, [target]);
  else if (list[list.length - 1] !== target) list.push(target);
  addKey(index.keyBits, key);
}

/**
 * The fuzzy index of the alias table. Where a typo search in a multi-word name starts (its
 * anchors): its two longest capitalised words of three letters or more. Only one word of a name
 * may be misspelt, so one of two anchors always matches, and short or lower-case words ("in",
 * "of", "the") would start a search on every line. Plain loops over the table's typed arrays:
 * this runs at start-up, before the optimiser has woken up, and makes no pattern an object.
 */
export function buildFuzzyIndex(table: AliasTable): FuzzyIndex {
  const anchors = 2 * table.size;
  const index: FuzzyIndex = {
    lone: [],
    byKey: new Map(),
    keyBits: new Uint32Array((KEY_MASK + 1) / 32),
    shortestLowerCaseTypo: Infinity,
    anchorHead: new Int32Array(table.forms.length).fill(-1),
    anchorNext: new Int32Array(anchors),
    anchorPattern: new Int32Array(anchors),
    anchorPosition: new Int32Array(anchors),
    table,
  };
  const anchorTail = new Int32Array(table.forms.length);
  let count = 0;
  // One small function per pattern: what is hot gets optimised, and cheaply.
  for (let p = 0; p < table.size; p++) {
    if (table.wordStart[p + 1]! - table.wordStart[p]! === 1) fileLoneTarget(index, p);
    else count = fileAnchors(index, p, anchorTail, count);
  }
  return index;
}

/**
 * Files the anchors of multi-word pattern `p` (after the first `count` anchors), if some naming
 * of it is a name; returns the new count.
 */
function fileAnchors(index: FuzzyIndex, p: number, anchorTail: Int32Array, count: number): number {
  const { wordStart, words, capitals, forms, refStart, refs } = index.table;
  let named = false;
  for (let r = refStart[p]!; r < refStart[p + 1]! && !named; r++) {
    named = (refs[3 * r + 2]! & REF_COMMON_PHRASE) === 0;
  }
  if (!named) return count;
  const first = wordStart[p]!;
  let best = -1;
  let second = -1;
  let bestLength = 0;
  let secondLength = 0;
  for (let position = 0; position < wordStart[p + 1]! - first; position++) {
    const letters = forms[words[first + position]!]!.length;
    if (((capitals[p]! >>> position) & 1) === 0 || letters < 3) continue;
    if (best < 0 || letters > bestLength) {
      second = best;
      secondLength = bestLength;
      best = position;
      bestLength = letters;
    } else if (second < 0 || letters > secondLength) {
      second = position;
      secondLength = letters;
    }
  }
  const { anchorHead, anchorNext, anchorPattern, anchorPosition } = index;
  for (let position = best, k = 0; k < 2; position = second, k++) {
    if (position < 0) continue;
    const id = words[first + position]!;
    const a = count++;
    anchorPattern[a] = p;
    anchorPosition[a] = position;
    anchorNext[a] = -1;
    if (anchorHead[id]! < 0) anchorHead[id] = a;
    else anchorNext[anchorTail[id]!] = a;
    anchorTail[id] = a;
  }
  return count;
}

/** Whether the page word is the alias word plus an ending ("Korean" for "Korea"): not a typo. */
export function isInflection(pageForm: string, aliasForm: string): boolean {
  return pageForm.length > aliasForm.length && pageForm.startsWith(aliasForm);
}
