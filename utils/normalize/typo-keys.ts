/**
 * The keys the matcher's fuzzy pass files long alias words under (its prefilter): a word's length
 * and its first or last two or three letters. One typo leaves one of the two ends intact, so a
 * page word can be a typo of an alias word only if one of its two keys is one of the alias word's.
 * The scanner computes them too, so that it lists as possible typos only the page words whose key
 * is in the matcher's filter (`WordTable.typoKeys`): a few dozen of a megabyte's twenty thousand.
 */

/** The filter's size: keys are folded to 16 bits, one bit each. */
export const KEY_MASK = (1 << 16) - 1;

/** Letters as 1–26, digits as 27, anything else as 28–31. */
const CODE5 = new Uint8Array(256);
for (let code = 0; code < 256; code++) {
  CODE5[code] =
    code >= 97 && code <= 122 ? code - 96 : code >= 48 && code <= 57 ? 27 : 28 + (code & 3);
}

/** A word's key: its length and its first (or last) letters, two or three of them. */
export function keyOf(length: number, c0: number, c1: number, c2: number, fromEnd: number): number {
  // (`CODE5[c] ?? …`: a code past the table, which only a word of another script has.)
  const a = CODE5[c0] ?? 28 + (c0 & 3);
  const b = CODE5[c1] ?? 28 + (c1 & 3);
  const c = CODE5[c2] ?? 28 + (c2 & 3);
  return ((((Math.min(length, 63) * 32 + a) * 32 + b) * 32 + c) << 1) | fromEnd;
}

/** How many letters at each end make a key: both ends of a 5- or 6-letter word overlap at three. */
export function endsLength(length: number): number {
  return length >= 7 ? 3 : 2;
}

/** Whether `key` is in the filter `bits`. */
export function hasKey(bits: Uint32Array, key: number): boolean {
  return (bits[(key & KEY_MASK) >>> 5]! & (1 << (key & 31))) !== 0;
}

/** Adds `key` to the filter `bits`. */
export function addKey(bits: Uint32Array, key: number): void {
  bits[(key & KEY_MASK) >>> 5]! |= 1 << (key & 31);
}

/**
 * Whether the plain ASCII word in `bytes` from `start` (`length` bytes, lower-cased with `| 32`)
 * has a key in the filter `bits`.
 */
export function mayBeTypo(
  bits: Uint32Array,
  bytes: Uint8Array,
  start: number,
  length: number,
): boolean {
  const p = endsLength(length);
  const end = start + length;
  const head = keyOf(
    length,
    bytes[start]! | 32,
    bytes[start + 1]! | 32,
    p === 3 ? bytes[start + 2]! | 32 : 0,
    0,
  );
  if (hasKey(bits, head)) return true;
  const tail = keyOf(
    length,
    bytes[end - p]! | 32,
    bytes[end - p + 1]! | 32,
    p === 3 ? bytes[end - 1]! | 32 : 0,
    1,
  );
  return hasKey(bits, tail);
}
