/**
 * The word scanner, the matcher's hot loop (a megabyte of page text per call). It reads the text
 * as UTF-8 bytes (`TextEncoder.encodeInto`, native): page text arrives as strings of several
 * internal kinds (joined, sliced, one- or two-byte), and a loop over `charCodeAt` that has met
 * more than one kind runs at a fraction of its speed, while a loop over a byte array does not.
 * Plain ASCII words — nearly all of them — are read here; any other word goes to `readWord`.
 * Offsets stay in UTF-16 code units, as the rest of FactLens counts them.
 *
 * Each word is looked up in the caller's table as it is read, and the few the caller cares about
 * are listed (see `WordBuffer.marked`), so that the matcher never loops over every word again.
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
import { mayBeTypo } from './typo-keys.ts';
import {
  HASH_PRIME,
  HASH_SEED,
  NO_TYPOS,
  WORD_ABBREVIATION,
  WORD_ALL_CAPS,
  WORD_BREAK_BEFORE,
  WORD_CAPITALIZED,
  WORD_CAPS_PLURAL,
  WORD_PLAIN_BEFORE,
  WORD_POSSESSIVE,
  lookUpWord,
  sieveIndex,
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

/** Per byte: 0, or what an ASCII letter or digit is (one bit each, so a word ORs them up). */
const DIGIT = 1;
const LOWER = 2;
const UPPER = 4;
const CASE = new Uint8Array(256);
/** Per ASCII byte: its kind (`classOf` without the case bits). */
const ASCII_KIND = new Uint8Array(128);
for (let byte = 0; byte < 128; byte++) {
  if (byte >= 48 && byte <= 57) CASE[byte] = DIGIT;
  else if (byte >= 97 && byte <= 122) CASE[byte] = LOWER;
  else if (byte >= 65 && byte <= 90) CASE[byte] = UPPER;
  ASCII_KIND[byte] = classOf(byte) & 15;
}

function isAsciiAlphanumeric(byte: number): boolean {
  return CASE[byte] !== 0;
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
 * How a plain ASCII word ends at byte `i` (a byte that is not a letter or digit, and not a space):
 * -1 when the word goes on in a way only `readWord` handles (an accent, an inner apostrophe,
 * "U.S."); 0 for a plain ending; 1 for an apostrophe after it ("the States'"); otherwise the
 * bytes of a possessive "'s" or "’s" to skip.
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

/**
 * The case flags of the ASCII word in bytes `start`…`end` (exclusive) that has the letter kinds
 * `kinds` (DIGIT | LOWER | UPPER): capitalised if its first letter is upper case ("3D" is);
 * all caps; or capitals then a plural "s" ("ICBMs").
 */
function caseFlags(bytes: Uint8Array, start: number, end: number, kinds: number): number {
  if ((kinds & UPPER) === 0) return 0;
  let first = start;
  while (CASE[bytes[first]!] === DIGIT) first++;
  let flags = CASE[bytes[first]!] === UPPER ? WORD_CAPITALIZED : 0;
  if ((kinds & LOWER) === 0) return flags | WORD_ALL_CAPS;
  if (bytes[end - 1] !== 115) return flags;
  // Upper case but for the final "s", with at least two capitals.
  let upper = 0;
  for (let k = start; k < end - 1; k++) {
    const kind = CASE[bytes[k]!]!;
    if (kind === LOWER) return flags;
    if (kind === UPPER) upper++;
  }
  if (upper >= 2) flags |= WORD_CAPS_PLURAL;
  return flags;
}

/** A table in which no word is found (the scanner's default; a vocabulary before it is sealed). */
export const NO_WORDS: WordTable = {
  slots: new Int32Array(1),
  hashes: new Int32Array(0),
  lengths: new Int32Array(0),
  marks: new Uint8Array(0),
  sieve: new Int32Array(1024),
  typoLength: new Int32Array([NO_TYPOS, NO_TYPOS]),
  typoKeys: new Uint32Array(0),
};

/**
 * Splits `text` into normalised words, filling `out` (which is cleared first). With a `table`,
 * each word its sieve lets through is looked up in it (`out.known`, -1 for the others), and the
 * words it asks for are listed (`out.marked`, `out.typos`).
 */
export function scanWords(text: string, out: WordBuffer, table: WordTable = NO_WORDS): void {
  out.count = 0;
  // A word and its gap take at least two characters, so this many slots always suffice.
  out.reserve((text.length + 1) >> 1, text.length * 3 + 1);
  const bytes = out.bytes;
  const n = encoder.encodeInto(text, bytes).written;
  bytes[n] = 0; // a sentinel: the word loop needs no bounds check
  const { start: starts, end: ends, flags: flagsOf, known, marked, typos } = out;
  const { marks, typoLength, typoKeys, sieve } = table;
  let count = 0;
  let markedCount = 0;
  let typoCount = 0;
  let gapFlags = WORD_BREAK_BEFORE;
  let i = 0; // in bytes
  let shift = 0; // bytes minus UTF-16 units before byte i
  while (i < n) {
    let b = bytes[i]!;
    if (b === 32) {
      i++; // the commonest character of all: a space keeps the gap plain
      continue;
    }
    const start = i;
    let kinds = CASE[b]!;
    if (kinds !== 0) {
      let kind = kinds;
      do {
        kinds |= kind;
        b = bytes[++i]!;
        kind = CASE[b]!;
      } while (kind !== 0);
      const length = i - start;
      // Only an apostrophe, a dot or a non-ASCII character can make a word more than plain.
      const ending =
        b === 32 || i >= n || (b < 0x80 && b !== 0x27 && b !== 0x2e && b !== 0x60)
          ? 0
          : plainEnding(bytes, i, n, length);
      if (ending >= 0) {
        let flags = caseFlags(bytes, start, i, kinds);
        if (ending > 1 || (ending === 1 && bytes[i - 1] === 115)) flags |= WORD_POSSESSIVE;
        starts[count] = start - shift;
        ends[count] = i - shift;
        flagsOf[count] = flags | gapFlags;
        // Most words cannot be in the table, as their ends and length tell: only the others are
        // hashed and looked up.
        let id = -1;
        if ((sieve[sieveIndex(bytes[start]!, bytes[i - 1]!)]! & (1 << length)) !== 0) {
          let h = HASH_SEED;
          for (let k = start; k < i; k++) h = Math.imul(h ^ (bytes[k]! | 32), HASH_PRIME);
          id = lookUpWord(table, h, length);
        }
        known[count] = id;
        if (id >= 0) {
          if (marks[id] !== 0) marked[markedCount++] = count;
        } else if (
          length >= typoLength[flags & WORD_CAPITALIZED]! &&
          mayBeTypo(typoKeys, bytes, start, length)
        ) {
          typos[typoCount++] = count;
        }
        count++;
        gapFlags = WORD_PLAIN_BEFORE;
        if (ending > 1) {
          i += ending;
          shift += ending - 2; // the apostrophe and the "s" are two units, "’" three bytes
        }
        continue;
      }
      i = start;
      b = bytes[i]!;
    }
    let code: number;
    let length: number;
    let kind: number;
    if (b < 0x80) {
      code = b;
      length = 1;
      kind = ASCII_KIND[b]!;
    } else {
      code = codePointAt(bytes, i);
      length = sequenceLength(b);
      kind = code === 0x10000 ? 0 : classOf(code) & 15;
    }
    if (kind === CLS_WORD || kind === CLS_FOREIGN) {
      const start16 = i - shift;
      readWord(text, start16);
      if (word.form === '') {
        gapFlags &= ~WORD_PLAIN_BEFORE; // only marks or ignorables: not a word
      } else {
        const flags = word.flags;
        const formLength = word.form?.length ?? word.end - start16;
        starts[count] = start16;
        ends[count] = word.end;
        flagsOf[count] = flags | gapFlags;
        if (word.form !== undefined) out.forms[count] = word.form;
        const id = lookUpWord(table, word.hash, formLength);
        known[count] = id;
        if (id >= 0) {
          if (marks[id] !== 0) marked[markedCount++] = count;
        } else if (formLength >= typoLength[flags & WORD_CAPITALIZED]!) typos[typoCount++] = count;
        count++;
        gapFlags = WORD_PLAIN_BEFORE;
      }
      i = advance(bytes, i, word.next - start16);
      shift = i - word.next;
      continue;
    }
    if (kind === CLS_BREAK) gapFlags = (gapFlags | WORD_BREAK_BEFORE) & ~WORD_PLAIN_BEFORE;
    else if (kind === CLS_DOT) {
      // A full stop ends a sentence, unless it ends an abbreviation ("U.S.", "Mr.", "Dr.").
      const previous = count > 0 ? flagsOf[count - 1]! : 0;
      const abbreviation =
        (previous & WORD_ABBREVIATION) !== 0 ||
        ((previous & WORD_CAPITALIZED) !== 0 && ends[count - 1]! - starts[count - 1]! <= 3);
      const ellipsis = i + 1 < n && bytes[i + 1] === 46;
      gapFlags &= ~WORD_PLAIN_BEFORE;
      if (!abbreviation || ellipsis) gapFlags |= WORD_BREAK_BEFORE;
    } else if (kind !== CLS_SPACE && kind !== CLS_IGNORABLE) gapFlags &= ~WORD_PLAIN_BEFORE;
    i += length;
    shift += length - (length === 4 ? 2 : 1);
  }
  out.count = count;
  out.markedCount = markedCount;
  out.typoCount = typoCount;
}
