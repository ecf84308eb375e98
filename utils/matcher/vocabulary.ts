/**
 * Every word that occurs in an alias, with a numeric id. The scanner looks page words up by a
 * hash and the word's length (`table`), so a lookup costs one probe of a typed array and
 * allocates nothing. The character-by-character check is left to the few words that end up in a
 * match (`confirm`): a 32-bit hash and a length almost never collide, and a collision costs a
 * match check, never a wrong mention.
 *
 * A fifth of any page is words such as "the" or "of" that matter only inside an alias. The
 * scanner does not look those up (its table's sieve leaves them out, so it hashes only the few
 * words that may count): `idAt` does, for the few places a match reaches.
 */
import {
  HASH_PRIME,
  HASH_SEED,
  lookUpWord,
  NO_TYPOS,
  NO_WORDS,
  sieveIndex,
  WORD_IRREGULAR,
  type WordBuffer,
  type WordTable,
} from '../normalize.ts';

export class Vocabulary {
  readonly forms: string[];
  /** Form → id while the vocabulary is being built. */
  private ids: Map<string, number> | undefined;
  /** What the scanner looks page words up in; built by `seal()`. */
  table: WordTable = NO_WORDS;
  /** Forms this long or longer are always looked up by the scanner (see `seal`). */
  private sievedFrom = NO_TYPOS;

  /** A vocabulary of `forms` (distinct, in id order), or an empty one to `add` to. */
  constructor(forms?: string[]) {
    this.forms = forms ?? [];
    this.ids = forms ? undefined : new Map();
  }

  /** The id of `form`, added if new. Call `seal()` once every form is in (and add no more). */
  add(form: string): number {
    const ids = (this.ids ??= new Map(this.forms.map((known, id) => [known, id])));
    let id = ids.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.forms.push(form);
      ids.set(form, id);
    }
    return id;
  }

  /**
   * Builds the table the scanner looks page words up in (open addressing, load factor ≤ 1/4),
   * telling it which words to list for the matcher: those that start an alias (`firstWord` ≥ 0)
   * or anchor a typo search in a name (`anchorHead` ≥ 0), and the words in no alias from these lengths
   * on (lower case, capitalised) with a key in `typoKeys`, as possible typos. The scanner looks up
   * only the words that may be one of these, or as long as a typo: the others are left to `idAt`.
   */
  seal(
    firstWord: Int32Array,
    anchorHead: Int32Array | undefined,
    typoLength: readonly [number, number],
    typoKeys: Uint32Array,
  ): void {
    const { forms } = this;
    let capacity = 16;
    while (capacity < forms.length * 4) capacity *= 2;
    const slots = new Int32Array(capacity);
    const hashes = new Int32Array(forms.length);
    const lengths = new Int32Array(forms.length);
    const marks = new Uint8Array(forms.length);
    const sieve = new Int32Array(1024);
    const shortest = Math.min(typoLength[0], typoLength[1], NO_TYPOS);
    const mask = capacity - 1;
    // Plain loops over typed arrays: this runs at start-up, before the optimiser has woken up.
    for (let id = 0; id < forms.length; id++) {
      const form = forms[id]!;
      const length = form.length;
      let hash = HASH_SEED; // (as `hashForm` computes it)
      for (let k = 0; k < length; k++) hash = Math.imul(hash ^ form.charCodeAt(k), HASH_PRIME);
      hashes[id] = hash;
      lengths[id] = length;
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
      const marked = firstWord[id]! >= 0 || (anchorHead !== undefined && anchorHead[id]! >= 0);
      if (marked) marks[id] = 1;
      // (A form of other characters than ASCII letters and digits only lets a few words more
      // through the sieve, to no effect.)
      if (marked || length >= shortest) {
        sieve[sieveIndex(form.charCodeAt(0), form.charCodeAt(length - 1))]! |= 1 << length;
      }
    }
    this.table = {
      slots,
      hashes,
      lengths,
      marks,
      sieve,
      typoLength: new Int32Array([
        Math.min(typoLength[0], NO_TYPOS),
        Math.min(typoLength[1], NO_TYPOS),
      ]),
      typoKeys,
    };
    this.sievedFrom = shortest;
    this.ids = undefined; // only building needs it
  }

  /**
   * The vocabulary id of word `w` of `words` (scanned from `text`), or -1: `words.known[w]`, or
   * for a short word the scanner did not look up, the id looked up now (and kept in `known`).
   */
  idAt(text: string, words: WordBuffer, w: number): number {
    const id = words.known[w]!;
    if (id >= 0 || (words.flags[w]! & WORD_IRREGULAR) !== 0) return id;
    const start = words.start[w]!;
    const end = words.end[w]!;
    if (end - start >= this.sievedFrom) return -1;
    let h = HASH_SEED;
    for (let k = start; k < end; k++) h = Math.imul(h ^ (text.charCodeAt(k) | 32), HASH_PRIME);
    return (words.known[w] = lookUpWord(this.table, h, end - start));
  }

  /** Whether word `i` of `words` (scanned from `text`) really is vocabulary word `id`. */
  confirm(id: number, text: string, words: WordBuffer, i: number): boolean {
    const form = this.forms[id]!;
    if ((words.flags[i]! & WORD_IRREGULAR) !== 0) return words.forms[i] === form;
    const start = words.start[i]!;
    if (words.end[i]! - start !== form.length) return false;
    for (let k = 0; k < form.length; k++) {
      // Regular words are ASCII letters and digits, for which `| 32` is the lower case.
      if ((text.charCodeAt(start + k) | 32) !== form.charCodeAt(k)) return false;
    }
    return true;
  }
}
