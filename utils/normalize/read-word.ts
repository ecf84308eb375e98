/**
 * The general word reader: every word, in every script, with the marks, apostrophes and dots inside
 * it, read from the string itself. The scanner hands it every word that is not plain ASCII.
 */
import {
  classOf,
  CLS_APOSTROPHE,
  CLS_DOT,
  CLS_FOREIGN,
  CLS_IGNORABLE,
  CLS_LOWER,
  CLS_MARK,
  CLS_UPPER,
  CLS_WORD,
  foldChar,
} from './char-classes.ts';
import {
  HASH_PRIME,
  HASH_SEED,
  WORD_ABBREVIATION,
  WORD_ALL_CAPS,
  WORD_CAPITALIZED,
  WORD_CAPS_PLURAL,
  WORD_IRREGULAR,
  WORD_POSSESSIVE,
} from './words.ts';

export function isWordChar(cls: number): boolean {
  const kind = cls & 15;
  return kind === CLS_WORD || kind === CLS_FOREIGN || kind === CLS_MARK;
}

/** What `readWord` found: where the word ends and where scanning resumes. */
export const word = { end: 0, next: 0, hash: 0, flags: 0, form: undefined as string | undefined };

/**
 * Reads any word starting at `start`: letters and digits of every script, combining marks,
 * apostrophes and dots inside it. Kept out of the scanner's loop (which handles the common plain
 * lower-case word itself) so that the optimiser compiles that loop small and tight.
 */
export function readWord(text: string, start: number): void {
  const n = text.length;
  let i = start;
  let end = i;
  let h = HASH_SEED;
  let form: string | undefined;
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let lettersSinceDot = 0;
  let wordFlags = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    const kind = cls & 15;
    if (kind === CLS_WORD || kind === CLS_FOREIGN) {
      if (kind === CLS_WORD) {
        const folded = code | 32; // ASCII letters and digits alike
        h = Math.imul(h ^ folded, HASH_PRIME);
        if (form !== undefined) form += String.fromCharCode(folded);
      } else {
        const f = foldChar(code);
        form ??= text.slice(start, i).toLowerCase();
        form += f;
        for (let q = 0; q < f.length; q++) h = Math.imul(h ^ f.charCodeAt(q), HASH_PRIME);
      }
      if ((cls & CLS_UPPER) !== 0) {
        if (upper + lower === 0) firstUpper = true;
        upper++;
      } else if ((cls & CLS_LOWER) !== 0) lower++;
      lettersSinceDot++;
      end = ++i;
    } else if (kind === CLS_MARK || kind === CLS_IGNORABLE) {
      // Diacritics and invisible characters are part of the word but not of its form.
      form ??= text.slice(start, i).toLowerCase();
      if (kind === CLS_MARK) end = i + 1;
      i++;
    } else if (
      kind === CLS_APOSTROPHE &&
      i + 1 < n &&
      isWordChar(classOf(text.charCodeAt(i + 1)))
    ) {
      if (
        (text.charCodeAt(i + 1) | 32) === 115 &&
        (i + 2 >= n || !isWordChar(classOf(text.charCodeAt(i + 2))))
      ) {
        wordFlags |= WORD_POSSESSIVE; // "Kim's": the word ends before the apostrophe
        i += 2;
        break;
      }
      form ??= text.slice(start, i).toLowerCase();
      i++;
    } else if (kind === CLS_APOSTROPHE) {
      if (text.charCodeAt(end - 1) === 115) wordFlags |= WORD_POSSESSIVE; // "the States'"
      break;
    } else if (
      kind === CLS_DOT &&
      lettersSinceDot === 1 &&
      i + 1 < n &&
      (classOf(text.charCodeAt(i + 1)) & 15) === CLS_WORD &&
      (i + 2 >= n || !isWordChar(classOf(text.charCodeAt(i + 2))))
    ) {
      // "U.S.": single letters joined by dots are one word.
      form ??= text.slice(start, i).toLowerCase();
      wordFlags |= WORD_ABBREVIATION;
      lettersSinceDot = 0;
      i++;
    } else break;
  }
  // "U.S." ends at its last dot (which also keeps the sentence going: see the gap rules).
  if (
    (wordFlags & WORD_ABBREVIATION) !== 0 &&
    i < n &&
    (classOf(text.charCodeAt(i)) & 15) === CLS_DOT
  ) {
    end = i + 1;
  }
  if (firstUpper) wordFlags |= WORD_CAPITALIZED;
  if (upper > 0 && lower === 0) wordFlags |= WORD_ALL_CAPS;
  else if (upper >= 2 && lower === 1 && text.charCodeAt(end - 1) === 115)
    wordFlags |= WORD_CAPS_PLURAL;
  if (form !== undefined) wordFlags |= WORD_IRREGULAR;
  word.end = end;
  word.next = i;
  word.hash = h;
  word.flags = wordFlags;
  word.form = form;
}
