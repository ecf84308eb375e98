/**
 * Every word that occurs in an alias, with a numeric id. The scanner looks each page word up by
 * the hash it computes anyway and the word's length (`table`), so the common case costs one probe
 * of a typed array and allocates nothing. A quarter of any page is words such as "the" or "of" that some alias
 * contains, so the character-by-character check is left to the few words that end up in a match
 * (`confirm`): a 32-bit hash and a length almost never collide, and a collision costs a match
 * check, never a wrong mention.
 */
import { hashForm, WORD_IRREGULAR, type WordBuffer, type WordTable } from '../normalize.ts';

export class Vocabulary {
  readonly forms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** What the scanner looks page words up in; built by `seal()`. */
  table: WordTable = {
    slots: new Int32Array(1),
    hashes: new Int32Array(0),
    lengths: new Int32Array(0),
  };

  /** The id of `form`, added if new. Call `seal()` once every form is in (and add no more). */
  add(form: string): number {
    let id = this.ids.get(form);
    if (id === undefined) {
      id = this.forms.length;
      this.forms.push(form);
      this.ids.set(form, id);
    }
    return id;
  }

  get size(): number {
    return this.forms.length;
  }

  /** Builds the open-addressing table page words are looked up in (load factor ≤ 1/4). */
  seal(): void {
    let capacity = 16;
    while (capacity < this.forms.length * 4) capacity *= 2;
    const slots = new Int32Array(capacity);
    const hashes = new Int32Array(this.forms.length);
    const lengths = new Int32Array(this.forms.length);
    for (let id = 0; id < this.forms.length; id++) {
      const form = this.forms[id]!;
      const hash = hashForm(form);
      hashes[id] = hash;
      lengths[id] = form.length;
      let slot = hash & (capacity - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = id + 1;
    }
    this.table = { slots, hashes, lengths };
    this.ids.clear(); // only building needs it
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
