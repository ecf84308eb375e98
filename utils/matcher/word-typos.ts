/**
 * Typos of lone distinctive words ("Beigun", "Sohea", "Bermudes"): each page word not otherwise
 * matched is compared only with the alias words filed under its length and ends.
 */
import {
  endsLength,
  hasKey,
  keyOf,
  WORD_CAPITALIZED,
  WORD_IRREGULAR,
  wordForm,
  type WordBuffer,
} from '../normalize.ts';
import type { WordMatch } from './automaton.ts';
import { editDistance } from './edit-distance.ts';
import { isInflection, loneTargetRefs, type FuzzyIndex } from './fuzzy-index.ts';
import { isPlausibleTypo } from './typo-model.ts';

/** Character `k` of a page word's form: its own form if irregular, else its lower-cased text. */
function pageChar(text: string, start: number, form: string | undefined, k: number): number {
  return form === undefined ? text.charCodeAt(start + k) | 32 : form.charCodeAt(k);
}

let seenAt = new Int32Array(0);
let visit = 0;

/**
 * Typos of lone distinctive words among the `candidateCount` page words in `candidates` (long
 * enough, in no alias), skipping those another match owns.
 */
export function findWordTypos(
  index: FuzzyIndex,
  text: string,
  words: WordBuffer,
  owner: Int32Array,
  candidates: Int32Array,
  candidateCount: number,
  out: WordMatch[],
): void {
  if (index.lone.length === 0) return;
  if (seenAt.length < index.lone.length) seenAt = new Int32Array(index.lone.length);
  const bits = index.keyBits;
  for (let c = 0; c < candidateCount; c++) {
    const w = candidates[c]!;
    if (owner[w] !== 0) continue;
    const start = words.start[w]!;
    const form = (words.flags[w]! & WORD_IRREGULAR) !== 0 ? words.forms[w]! : undefined;
    const length = form === undefined ? words.end[w]! - start : form.length;
    const p = endsLength(length);
    const head = keyOf(
      length,
      pageChar(text, start, form, 0),
      pageChar(text, start, form, 1),
      p === 3 ? pageChar(text, start, form, 2) : 0,
      0,
    );
    const tail = keyOf(
      length,
      pageChar(text, start, form, length - p),
      pageChar(text, start, form, length - p + 1),
      p === 3 ? pageChar(text, start, form, length - 1) : 0,
      1,
    );
    const headHit = hasKey(bits, head);
    const tailHit = hasKey(bits, tail);
    if (!headHit && !tailHit) continue;
    const match = bestLoneTarget(index, text, words, w, headHit ? head : -1, tailHit ? tail : -1);
    if (match) out.push(match);
  }
}

function bestLoneTarget(
  index: FuzzyIndex,
  text: string,
  words: WordBuffer,
  w: number,
  head: number,
  tail: number,
): WordMatch | undefined {
  visit++;
  const capitalized = (words.flags[w]! & WORD_CAPITALIZED) !== 0;
  let best: WordMatch | undefined;
  let pageForm: string | undefined;
  for (const key of [head, tail]) {
    for (const t of (key >= 0 && index.byKey.get(key)) || []) {
      if (seenAt[t] === visit) continue;
      seenAt[t] = visit;
      const target = index.lone[t]!;
      // Names are misspelt with their capital: "earnings" is no typo of "Hemmings".
      if (!capitalized && target.namesOnly) continue;
      pageForm ??= wordForm(text, words, w);
      if (isInflection(pageForm, target.form)) continue;
      const edits = editDistance(pageForm, target.form, target.budget);
      if (edits === 0 || edits > target.budget || (best && best.edits <= edits)) continue;
      if (edits === 1 && !isPlausibleTypo(pageForm, target.form)) continue;
      const refs = loneTargetRefs(index, target).filter((ref) => capitalized || !ref.properNoun);
      if (refs.length > 0) {
        best = { first: w, last: w, pattern: index.table.pattern(target.p), refs, edits };
      }
    }
  }
  return best;
}
