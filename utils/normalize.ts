/**
 * The one normalisation of FactLens, shared by the data build, the matcher and the popup search:
 * text becomes a sequence of words, each folded to lower case without diacritics, and each keeping
 * where it sits in the original string (mentions are reported in original offsets).
 *
 * - Dashes and hyphens of every kind separate words ("Kim Jong-un" = "Kim Jong Un").
 * - Apostrophes (straight, curly, modifier letter, backtick) vanish inside a word, so McCune–
 *   Reischauer "P'yŏngyang" reads "pyongyang"; a possessive "'s" or "s'" is dropped.
 * - Dotted abbreviations join ("U.S." = "us"); soft hyphens and zero-width characters vanish.
 * - Whitespace and line breaks of any kind are a single gap.
 */
import { scanWords } from './normalize/scan-words.ts';
import { WORD_IRREGULAR, WordBuffer } from './normalize/words.ts';

export { NO_WORDS, scanWords } from './normalize/scan-words.ts';
export { addKey, endsLength, hasKey, KEY_MASK, keyOf } from './normalize/typo-keys.ts';
export {
  hashForm,
  HASH_PRIME,
  HASH_SEED,
  lookUpWord,
  NO_TYPOS,
  sieveIndex,
  WordBuffer,
  type WordTable,
  WORD_ABBREVIATION,
  WORD_ALL_CAPS,
  WORD_BREAK_BEFORE,
  WORD_CAPITALIZED,
  WORD_CAPS_PLURAL,
  WORD_IRREGULAR,
  WORD_PLAIN_BEFORE,
  WORD_POSSESSIVE,
} from './normalize/words.ts';

/** The normalised form of word `i` of `buffer`, scanned from `text`. */
export function wordForm(text: string, buffer: WordBuffer, i: number): string {
  if ((buffer.flags[i]! & WORD_IRREGULAR) !== 0) return buffer.forms[i]!;
  return text.slice(buffer.start[i], buffer.end[i]).toLowerCase();
}

/** The length of word `i`'s normalised form, without building it. */
export function formLength(buffer: WordBuffer, i: number): number {
  if ((buffer.flags[i]! & WORD_IRREGULAR) !== 0) return buffer.forms[i]!.length;
  return buffer.end[i]! - buffer.start[i]!;
}

const scratch = new WordBuffer();

/** A normalised word of a text and where it sits in that text (end exclusive). */
export interface NormalizedWord {
  form: string;
  start: number;
  end: number;
}

/** The normalised words of `text`, with their original offsets. */
export function normalizedWords(text: string): NormalizedWord[] {
  scanWords(text, scratch);
  const words: NormalizedWord[] = [];
  for (let i = 0; i < scratch.count; i++) {
    words.push({
      form: wordForm(text, scratch, i),
      start: scratch.start[i]!,
      end: scratch.end[i]!,
    });
  }
  return words;
}

/** The normalised form of `text`: its words, folded, joined by single spaces. */
export function normalize(text: string): string {
  return normalizedWords(text)
    .map((word) => word.form)
    .join(' ');
}
