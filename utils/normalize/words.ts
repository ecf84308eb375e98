/**
 * The scanner's output: the words of a text as parallel typed arrays, reused from one scan to the
 * next, with flags for what the matcher's rules need to know about each word.
 */

/** First letter is upper case. */
export const WORD_CAPITALIZED = 1;
/** Has upper-case letters and no lower-case ones ("KCNA", "I"). */
export const WORD_ALL_CAPS = 2;
/** Capitals then a plural "s" ("ICBMs"). */
export const WORD_CAPS_PLURAL = 4;
/** A sentence or clause boundary (or the start of the text) comes before this word. */
export const WORD_BREAK_BEFORE = 8;
/** Only whitespace and dashes separate this word from the one before. */
export const WORD_PLAIN_BEFORE = 16;
/** A possessive "'s" or "s'" follows the word. */
export const WORD_POSSESSIVE = 32;
/** A dotted abbreviation ("U.S."). */
export const WORD_ABBREVIATION = 64;
/** The word's form is not simply the lower case of its original characters. */
export const WORD_IRREGULAR = 128;

/** A `WordTable.typoLength` no word reaches. */
export const NO_TYPOS = 0x3fffffff;

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

const SMALL = 4096;

/** The words of one text, as parallel arrays that are reused from one scan to the next. */
export class WordBuffer {
  count = 0;
  start = new Int32Array(SMALL);
  end = new Int32Array(SMALL);
  flags = new Uint8Array(SMALL);
  /** Index of the word's form in the scan's word table (see `WordTable`), or -1. */
  known = new Int32Array(SMALL);
  /** The normalised form of irregular words only; regular words are read from the text. */
  forms: string[] = [];
  /** The scanner's copy of the text, as UTF-8. */
  bytes = new Uint8Array(SMALL * 4);
  /**
   * Words the matcher looks at, listed as the scan goes so that it need not look at every word
   * again: the first `markedCount` of `marked` are the words whose form the table marks
   * (`WordTable.marks`), in order; the first `typoCount` of `typos` the words in no form of the
   * table that are at least as long as it asks and may be typos (`WordTable.typoLength`).
   */
  marked = new Int32Array(SMALL);
  markedCount = 0;
  typos = new Int32Array(SMALL);
  typoCount = 0;

  /** Makes room for `capacity` words and `byteCapacity` bytes of text (keeping none). */
  reserve(capacity: number, byteCapacity: number): void {
    if (this.bytes.length < byteCapacity) this.bytes = new Uint8Array(byteCapacity);
    if (this.start.length >= capacity) return;
    let size = this.start.length;
    while (size < capacity) size *= 2;
    this.allocate(size);
  }

  /** Returns to a small footprint after scanning a very long text. */
  shrink(): void {
    if (this.bytes.length > SMALL * 4) this.bytes = new Uint8Array(SMALL * 4);
    if (this.start.length <= SMALL) return;
    this.allocate(SMALL);
    this.forms = [];
    this.count = 0;
  }

  private allocate(size: number): void {
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.known = new Int32Array(size);
    this.marked = new Int32Array(size);
    this.typos = new Int32Array(size);
  }
}

/** The hash the scanner computes for a word whose normalised form is `form`. */
export function hashForm(form: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < form.length; k++) h = Math.imul(h ^ form.charCodeAt(k), HASH_PRIME);
  return h;
}

/**
 * Word forms the scanner looks each word up in as it goes, by hash and length (the matcher's
 * vocabulary): open addressing, `slots` holding 1 + the form's index, or 0 when empty.
 */
export interface WordTable {
  slots: Int32Array;
  hashes: Int32Array;
  lengths: Int32Array;
  /**
   * Which plain ASCII words may be in the table, by their first and last characters and length:
   * bit `length % 32` of `sieve[sieveIndex(first, last)]` is set for every such form the scan
   * should look up. Other words are not looked up.
   */
  sieve: Int32Array;
  /** Per form: 1 if the scan should list its occurrences (`WordBuffer.marked`), else 0. */
  marks: Uint8Array;
  /**
   * The shortest word in no form that the scan lists in `WordBuffer.typos`: `typoLength[0]` for
   * lower-case words, `typoLength[1]` for capitalised ones (lengths of the normalised form), or
   * NO_TYPOS.
   */
  typoLength: Int32Array;
  /**
   * Of those, only plain ASCII words with a key in this filter are listed (see typo-keys.ts);
   * other words are listed on their length alone.
   */
  typoKeys: Uint32Array;
}

/** Where in `WordTable.sieve` a word with these first and last characters is found. */
export function sieveIndex(first: number, last: number): number {
  return ((first & 31) << 5) | (last & 31);
}

/** The index of the form with this hash and length, or -1. */
export function lookUpWord(table: WordTable, hash: number, length: number): number {
  const { slots, hashes, lengths } = table;
  const mask = slots.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot]!;
    if (entry === 0) return -1;
    if (hashes[entry - 1] === hash && lengths[entry - 1] === length) return entry - 1;
  }
}
