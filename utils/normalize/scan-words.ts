/**
 * The word scanner, the matcher's hot loop (a megabyte of page text per call). It reads the text
 * as UTF-8 bytes (`TextEncoder.encodeInto`, native): page text arrives as strings of several
 * internal kinds (joined, sliced, one- or two-byte), and a loop over `charCodeAt` that has met
 * more than one kind runs at a fraction of its speed, while a loop over a byte array does not.
 * Plain ASCII words — nearly all of them — are read here; any other word goes to `readWord`.
 * Offsets stay in UTF-16 code units, as the rest of FactLens counts them.
 */
import {
  classOf,
  CLS_APOSTROPHE,
  CLS_BREAK,
  CLS_DOT,
  CLS_FOREIGN,
  CLS_IGNORABLE,
  CLS_SPACE,
  CLS_WORD,
} from './char-classes.ts';
import { readWord, word } from './read-word.ts';
import {
  HASH_PRIME,
  HASH_SEED,
  WORD_ABBREVIATION,
  WORD_ALL_CAPS,
  WORD_BREAK_BEFORE,
  WORD_CAPITALIZED,
  WORD_CAPS_PLURAL,
  WORD_PLAIN_BEFORE,
  WORD_POSSESSIVE,
  lookUpWord,
  type WordBuffer,
  type WordTable,
} from './words.ts';

const encoder = new TextEncoder();
const RIGHT_QUOTE = 0x2019; // ’, the usual apostrophe of published text

/** UTF-8 bytes of the sequence led by `lead`. */
function sequenceLength(lead: number): number {
  return lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

/** The code point at byte `i` (astral characters, which are never words, as 0x10000). */
function codePointAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return lead;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | (bytes[i + 1]! & 0x3f);
  if (lead < 0xf0)
    return ((lead & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
  return 0x10000;
}

/** 1 for the bytes of ASCII letters and digits. */
const ALPHANUMERIC = new Uint8Array(256);
for (let byte = 0; byte < 128; byte++) {
  if ((byte >= 48 && byte <= 57) || ((byte | 32) >= 97 && (byte | 32) <= 122))
    ALPHANUMERIC[byte] = 1;
}

function isAsciiAlphanumeric(byte: number): boolean {
  return ALPHANUMERIC[byte] === 1;
}

/** The byte after advancing `units` UTF-16 code units from byte `i`. */
function advance(bytes: Uint8Array, i: number, units: number): number {
  while (units > 0) {
    const lead = bytes[i]!;
    i += sequenceLength(lead);
    units -= lead >= 0xf0 ? 2 : 1;
  }
  return i;
}

/**
 * How a plain ASCII word ends at byte `i` (a byte that is not a letter or digit): -1 when the word
 * goes on in a way only `readWord` handles (an accent, an inner apostrophe, "U.S."); 0 for a
 * plain ending; 1 for an apostrophe after it ("the States'"); otherwise the bytes of a possessive
 * "'s" or "’s" to skip.
 */
function plainEnding(bytes: Uint8Array, i: number, n: number, length: number): number {
  const code = codePointAt(bytes, i);
  const kind = code === 0x10000 ? 0 : classOf(code) & 15;
  if (kind === CLS_APOSTROPHE && (code < 0x80 || code === RIGHT_QUOTE)) {
    const after = i + sequenceLength(bytes[i]!);
    if (after >= n || (bytes[after]! < 0x80 && !isAsciiAlphanumeric(bytes[after]!))) return 1;
    const next = after + 1;
    const boundary = next >= n || (bytes[next]! < 0x80 && !isAsciiAlphanumeric(bytes[next]!));
    return (bytes[after]! | 32) === 115 && boundary ? next - i : -1;
  }
  if (kind === CLS_DOT) return length > 1 && code === 46 ? 0 : -1; // a lone letter may start "U.S."
  return kind === CLS_SPACE || kind === CLS_BREAK || kind === 0 ? 0 : -1;
}

const NO_WORDS: WordTable = {
  slots: new Int32Array(1),
  hashes: new Int32Array(0),
  lengths: new Int32Array(0),
};

/**
 * Splits `text` into normalised words, filling `out` (which is cleared first); each word is also
 * looked up in `table`, if given (`out.known`).
 */
export function scanWords(text: string, out: WordBuffer, table: WordTable = NO_WORDS): void {
  out.count = 0;
  // A word and its gap take at least two characters, so this many slots always suffice.
  out.reserve((text.length + 1) >> 1, text.length * 3 + 1);
  const bytes = out.bytes;
  const n = encoder.encodeInto(text, bytes).written;
  bytes[n] = 0; // a sentinel: the word loop needs no bounds check
  const { start: starts, end: ends, hash: hashes, flags: flagsOf, known } = out;
  let count = 0;
  let gapFlags = WORD_BREAK_BEFORE;
  let previousFlags = 0;
  let previousLength = 0;
  let i = 0; // in bytes
  let shift = 0; // bytes minus UTF-16 units before byte i
  while (i < n) {
    let b = bytes[i]!;
    if (b === 32) {
      i++; // the commonest character of all: a space keeps the gap plain
      continue;
    }
    const start = i;
    if (isAsciiAlphanumeric(b)) {
      let h = HASH_SEED;
      let upper = 0;
      let lower = 0;
      let firstUpper = false;
      do {
        if (b >= 97) lower++;
        else if (b >= 65) {
          if (upper + lower === 0) firstUpper = true; // "3D" is capitalised: its first letter is
          upper++;
        }
        h = Math.imul(h ^ (b | 32), HASH_PRIME); // `| 32`: lower case for letters, digits as they are
        b = bytes[++i]!;
      } while (ALPHANUMERIC[b] === 1);
      const ending = i >= n || b === 32 ? 0 : plainEnding(bytes, i, n, i - start);
      if (ending >= 0) {
        let flags = gapFlags;
        if (firstUpper) flags |= WORD_CAPITALIZED;
        if (upper > 0 && lower === 0) flags |= WORD_ALL_CAPS;
        else if (upper >= 2 && lower === 1 && bytes[i - 1] === 115) flags |= WORD_CAPS_PLURAL;
        if (ending > 1 || (ending === 1 && bytes[i - 1] === 115)) flags |= WORD_POSSESSIVE;
        starts[count] = start - shift;
        ends[count] = i - shift;
        hashes[count] = h;
        flagsOf[count] = flags;
        known[count] = lookUpWord(table, h, i - start);
        count++;
        previousFlags = flags & ~gapFlags;
        previousLength = i - start;
        gapFlags = WORD_PLAIN_BEFORE;
        if (ending > 1) {
          i += ending;
          shift += ending - 2; // the apostrophe and the "s" are two units, "’" three bytes
        }
        continue;
      }
      i = start;
    }
    const code = codePointAt(bytes, i);
    const length = sequenceLength(b);
    const kind = code === 0x10000 ? 0 : classOf(code) & 15;
    if (kind === CLS_WORD || kind === CLS_FOREIGN) {
      const start16 = i - shift;
      readWord(text, start16);
      if (word.form === '') {
        gapFlags &= ~WORD_PLAIN_BEFORE; // only marks or ignorables: not a word
      } else {
        starts[count] = start16;
        ends[count] = word.end;
        hashes[count] = word.hash;
        flagsOf[count] = word.flags | gapFlags;
        if (word.form !== undefined) out.forms[count] = word.form;
        known[count] = lookUpWord(table, word.hash, word.form?.length ?? word.end - start16);
        count++;
        previousFlags = word.flags;
        previousLength = word.end - start16;
        gapFlags = WORD_PLAIN_BEFORE;
      }
      i = advance(bytes, i, word.next - start16);
      shift = i - word.next;
      continue;
    }
    if (kind === CLS_BREAK) gapFlags = (gapFlags | WORD_BREAK_BEFORE) & ~WORD_PLAIN_BEFORE;
    else if (kind === CLS_DOT) {
      // A full stop ends a sentence, unless it ends an abbreviation ("U.S.", "Mr.", "Dr.").
      const abbreviation =
        (previousFlags & WORD_ABBREVIATION) !== 0 ||
        ((previousFlags & WORD_CAPITALIZED) !== 0 && previousLength <= 3);
      const ellipsis = i + 1 < n && bytes[i + 1] === 46;
      gapFlags &= ~WORD_PLAIN_BEFORE;
      if (!abbreviation || ellipsis) gapFlags |= WORD_BREAK_BEFORE;
    } else if (kind !== CLS_SPACE && kind !== CLS_IGNORABLE) gapFlags &= ~WORD_PLAIN_BEFORE;
    i += length;
    shift += length - (length === 4 ? 2 : 1);
  }
  out.count = count;
}
