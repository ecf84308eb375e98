/**
 * Typos in multi-word names ("Kim Jung Un", "Steven Biegun", "Choi Son Hui"), looked for only
 * around a word of the name that did match exactly, so the search costs nothing elsewhere.
 */
import { formLength, WORD_BREAK_BEFORE, wordForm, type WordBuffer } from '../normalize.ts';
import { RULE_ANY, type AliasPattern } from './aliases.ts';
import type { WordMatch } from './automaton.ts';
import { editDistance } from './edit-distance.ts';
import { isInflection, nameWordBudget, type FuzzyIndex } from './fuzzy-index.ts';
import type { Vocabulary } from './vocabulary.ts';

/**
 * Typos of multi-word names around the `anchorCount` page words in `anchorWords` that may anchor
 * one; best candidates first.
 */
export function findNameTypos(
  index: FuzzyIndex,
  vocabulary: Vocabulary,
  text: string,
  words: WordBuffer,
  ids: Int32Array,
  anchorWords: Int32Array,
  anchorCount: number,
): WordMatch[] {
  const found: WordMatch[] = [];
  const { anchorHead, anchorNext, anchorPattern, anchorPosition, table } = index;
  for (let a = 0; a < anchorCount; a++) {
    const w = anchorWords[a]!;
    for (let anchor = anchorHead[ids[w]!]!; anchor >= 0; anchor = anchorNext[anchor]!) {
      const p = anchorPattern[anchor]!;
      const first = w - anchorPosition[anchor]!;
      const last = first + table.length(p) - 1;
      if (first < 0 || last >= words.count) continue;
      const pattern = table.pattern(p);
      if (isFound(found, first, pattern)) continue;
      const edits = nameTypoEdits(pattern, vocabulary, text, words, first);
      if (edits > 0)
        found.push({
          first,
          last,
          pattern,
          refs: pattern.refs.filter((ref) => !ref.commonPhrase),
          edits,
        });
    }
  }
  if (found.length > 1) {
    found.sort(
      (a, b) => b.last - b.first - (a.last - a.first) || a.edits - b.edits || a.first - b.first,
    );
  }
  return found;
}

function isFound(found: readonly WordMatch[], first: number, pattern: AliasPattern): boolean {
  for (const match of found) if (match.first === first && match.pattern === pattern) return true;
  return false;
}

/**
 * Typos between the pattern and the page words from `first`: 0 if none, or if more than one word
 * differs ("Kim Jong-hyun" is not "Kim Jong-un" misspelt), or if that word differs too much.
 */
function nameTypoEdits(
  pattern: AliasPattern,
  vocabulary: Vocabulary,
  text: string,
  words: WordBuffer,
  first: number,
): number {
  let typo = -1;
  for (let k = 0; k < pattern.ids.length; k++) {
    const w = first + k;
    if (k > 0 && (words.flags[w]! & WORD_BREAK_BEFORE) !== 0) return 0;
    if (vocabulary.idAt(text, words, w) === pattern.ids[k]) continue;
    if (typo >= 0) return 0;
    typo = k;
  }
  if (typo < 0) return 0;
  const aliasForm = pattern.forms[typo]!;
  const budget =
    pattern.refs[0]!.wordRules[typo] === RULE_ANY ? nameWordBudget(aliasForm.length) : 0;
  const w = first + typo;
  // Cheap length test first: most candidates fail it, and then no string is built.
  if (budget === 0 || Math.abs(formLength(words, w) - aliasForm.length) > budget) return 0;
  const pageForm = wordForm(text, words, w);
  if (isInflection(pageForm, aliasForm)) return 0;
  const edits = editDistance(pageForm, aliasForm, budget);
  return edits <= budget ? edits : 0;
}
