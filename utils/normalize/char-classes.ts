/**
 * What each UTF-16 code unit is to the word scanner. ASCII is a fixed table; anything else is
 * classified on first sight and cached, so start-up costs nothing and a page pays only for the
 * characters it uses.
 */

/** Low four bits: the kind of character. */
export const CLS_OTHER = 0; // soft punctuation: commas, quotes, slashes… (a mention may span it)
export const CLS_WORD = 1; // ASCII letter or digit
export const CLS_SPACE = 2; // whitespace, dashes and hyphens of every kind
export const CLS_BREAK = 3; // ! ? ; : brackets, ellipsis: a mention never spans it
export const CLS_APOSTROPHE = 4;
export const CLS_DOT = 5;
export const CLS_IGNORABLE = 6; // soft hyphen, zero-width characters
export const CLS_MARK = 7; // combining mark: part of the word, dropped from its form
export const CLS_FOREIGN = 8; // non-ASCII letter or digit
/** High bits: letter case. */
export const CLS_UPPER = 16;
export const CLS_LOWER = 32;

const UNKNOWN = 255;
const table = new Uint8Array(65536).fill(UNKNOWN);
const folded = new Map<number, string>();

const APOSTROPHES = new Set([0x27, 0x60, 0xb4, 0x2bc, 0x2018, 0x2019, 0x201b, 0x2032, 0xff07]);
const IGNORABLES = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const BREAKS = new Set(
  '!?;:()[]{}|\u2026\u3002\uff01\uff1f\uff1b\uff1a\uff08\uff09\u00a1\u00bf'
    .split('')
    .map((c) => c.charCodeAt(0)),
);
const DOTS = new Set([0x2e, 0xff0e]);
const HANGUL_SYLLABLES_FIRST = 0xac00;
const HANGUL_SYLLABLES_LAST = 0xd7a3;

function classifyAscii(code: number): number {
  if (code >= 97 && code <= 122) return CLS_WORD | CLS_LOWER;
  if (code >= 65 && code <= 90) return CLS_WORD | CLS_UPPER;
  if (code >= 48 && code <= 57) return CLS_WORD;
  if (code === 32 || (code >= 9 && code <= 13) || code === 45) return CLS_SPACE;
  if (APOSTROPHES.has(code)) return CLS_APOSTROPHE;
  if (BREAKS.has(code)) return CLS_BREAK;
  return code === 46 ? CLS_DOT : CLS_OTHER;
}

function classify(code: number): number {
  if (code < 128) return classifyAscii(code);
  // Common ranges first, without regular expressions: start-up pays for every one compiled.
  if (code >= HANGUL_SYLLABLES_FIRST && code <= HANGUL_SYLLABLES_LAST) return CLS_FOREIGN;
  if (code >= 0x300 && code <= 0x36f) return CLS_MARK;
  if (code >= 0xd800 && code <= 0xdfff) return CLS_OTHER; // astral characters (emoji): not words
  if (APOSTROPHES.has(code)) return CLS_APOSTROPHE;
  if (IGNORABLES.has(code)) return CLS_IGNORABLE;
  if (BREAKS.has(code)) return CLS_BREAK;
  if (DOTS.has(code)) return CLS_DOT;
  const ch = String.fromCharCode(code);
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower !== upper)
    return CLS_FOREIGN | (ch !== lower ? CLS_UPPER : ch !== upper ? CLS_LOWER : 0);
  if (/[\s\p{Pd}\u2212]/u.test(ch)) return CLS_SPACE;
  if (/\p{M}/u.test(ch)) return CLS_MARK;
  if (!/[\p{L}\p{N}]/u.test(ch)) return CLS_OTHER;
  return CLS_FOREIGN; // a letter without case (CJK, kana) or a digit of another script
}

for (let code = 0; code < 128; code++) table[code] = classify(code);
const ASCII = table.slice(0, 128);

/**
 * The class of a character. ASCII comes from its own small table, so that the scanner's hot
 * loop never reaches the out-of-line path for the rest (which a page in another script may make
 * hot, and which would then crowd the scanner out of the optimiser's inlining budget).
 */
export function classOf(code: number): number {
  return code < 128 ? ASCII[code]! : classOfOther(code);
}

function classOfOther(code: number): number {
  const cls = table[code]!;
  if (cls !== UNKNOWN) return cls;
  return (table[code] = classify(code));
}

/**
 * The folded form of a non-ASCII letter: compatibility-decomposed, stripped of diacritics, lower
 * case ("Ŏ" → "o", "ﬁ" → "fi"). Hangul syllables stay whole: decomposing them into jamo would
 * only make Korean names longer without making them match more.
 */
export function foldChar(code: number): string {
  let form = folded.get(code);
  if (form === undefined) {
    const ch = String.fromCharCode(code);
    form =
      code >= HANGUL_SYLLABLES_FIRST && code <= HANGUL_SYLLABLES_LAST
        ? ch
        : ch
            .normalize('NFKD')
            .replace(/[^\p{L}\p{N}]/gu, '')
            .toLowerCase();
    folded.set(code, form);
  }
  return form;
}
