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

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH_PRIME = 0x01000193;

const SMALL = 4096;

/** The words of one text, as parallel arrays that are reused from one scan to the next. */
export class WordBuffer {
  count = 0;
  start = new Int32Array(SMALL);
  end = new Int32Array(SMALL);
  /** FNV-1a of the word's normalised form (see `hashForm`). */
  hash = new Int32Array(SMALL);
  flags = new Uint8Array(SMALL);
  /** Index of the word's form in the scan's word table (see `WordTable`), or -1. */
  known = new Int32Array(SMALL);
  /** The normalised form of irregular words only; regular words are read from the text. */
  forms: string[] = [];
  /** The scanner's copy of the text, as UTF-8. */
  bytes = new Uint8Array(SMALL * 4);

  /** Makes room for `capacity` words and `byteCapacity` bytes of text (keeping none). */
  reserve(capacity: number, byteCapacity: number): void {
    if (this.bytes.length < byteCapacity) this.bytes = new Uint8Array(byteCapacity);
    if (this.start.length >= capacity) return;
    let size = this.start.length;
    while (size < capacity) size *= 2;
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.hash = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.known = new Int32Array(size);
  }

  /** Returns to a small footprint after scanning a very long text. */
  shrink(): void {
    if (this.bytes.length > SMALL * 4) this.bytes = new Uint8Array(SMALL * 4);
    if (this.start.length <= SMALL) return;
    this.start = new Int32Array(SMALL);
    this.end = new Int32Array(SMALL);
    this.hash = new Int32Array(SMALL);
    this.flags = new Uint8Array(SMALL);
    this.known = new Int32Array(SMALL);
    this.forms = [];
    this.count = 0;
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
