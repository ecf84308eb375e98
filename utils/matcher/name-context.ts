/**
 * Whether a one-word name on the page is part of someone else's longer name: "Stella Kim",
 * "Kim Kardashian", "Melania Trump". A capitalised neighbour joined by nothing but a space reads as
 * a given name or surname, unless it belongs to a closed class of capitalised words that are not
 * names (titles, sentence-initial function words, days and months) or is itself a match.
 */
import {
  WORD_CAPITALIZED,
  WORD_PLAIN_BEFORE,
  WORD_POSSESSIVE,
  wordForm,
  type WordBuffer,
} from '../normalize.ts';

const NOT_NAMES = new Set(
  [
    // Titles and roles written before a name.
    'mr mrs ms miss dr prof professor sir president chairman chairwoman chair leader secretary',
    'minister envoy ambassador general gen marshal senator sen representative rep premier commander',
    'chief director deputy vice special supreme foreign defense defence prime state comrade officer',
    'spokesman spokeswoman spokesperson analyst expert scholar official diplomat negotiator former',
    // Nationality adjectives before a name ("South Korean Moon").
    'korean american chinese japanese russian british',
    // Function words that start sentences.
    'the a an and or but nor so yet for of in on at by to from with without as if when while then',
    'than that this these those there here where why how what who whom whose which after before',
    'since until once though although because unlike like both either neither each every all some',
    'many most no not now still also even just only meanwhile however instead later earlier today',
    'yesterday he she they we it his her their its our my your i',
    // Days and months.
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june',
    'july august september october november december',
  ]
    .join(' ')
    .split(' '),
);

function isNamePart(text: string, words: WordBuffer, w: number, claimed: Int32Array): boolean {
  return (
    (words.flags[w]! & WORD_CAPITALIZED) !== 0 &&
    claimed[w] === 0 &&
    !NOT_NAMES.has(wordForm(text, words, w))
  );
}

/** A capitalised given name (or other name part) comes right before page word `first`. */
export function followsNamePart(
  text: string,
  words: WordBuffer,
  first: number,
  claimed: Int32Array,
): boolean {
  const before = first - 1;
  return (
    before >= 0 &&
    (words.flags[first]! & WORD_PLAIN_BEFORE) !== 0 &&
    (words.flags[before]! & WORD_POSSESSIVE) === 0 &&
    isNamePart(text, words, before, claimed)
  );
}

/** A capitalised name part comes right after page word `last`. */
export function precedesNamePart(
  text: string,
  words: WordBuffer,
  last: number,
  claimed: Int32Array,
): boolean {
  const after = last + 1;
  return (
    after < words.count &&
    (words.flags[after]! & WORD_PLAIN_BEFORE) !== 0 &&
    (words.flags[last]! & WORD_POSSESSIVE) === 0 &&
    isNamePart(text, words, after, claimed)
  );
}
