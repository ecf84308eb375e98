/**
 * Whether a one-letter substitution looks like a slip of the finger or of the ear rather than a
 * different word: "Bermudes" for "Bermudez" (neighbouring keys, same sound) and "Sohea" for
 * "Sohae" (a swap) are typos; "Boston" for "Bolton" is another word. Inserted, dropped and
 * swapped letters are always plausible.
 */

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const ROW_OFFSETS = [0, 0.25, 0.75];
const VOWELS = new Set('aeiouy');
/** Letters that stand for the same or a close sound, including in Korean romanisations (r/l). */
const SOUND_ALIKES = [
  'sz',
  'ck',
  'cs',
  'kg',
  'kq',
  'dt',
  'bp',
  'lr',
  'fv',
  'fp',
  'vw',
  'mn',
  'jz',
  'gj',
];

const keyPosition = new Map<string, { row: number; x: number }>();
KEYBOARD_ROWS.forEach((keys, row) => {
  [...keys].forEach((key, column) => keyPosition.set(key, { row, x: column + ROW_OFFSETS[row]! }));
});

function neighbouringKeys(a: string, b: string): boolean {
  const p = keyPosition.get(a);
  const q = keyPosition.get(b);
  if (!p || !q) return false;
  const rows = Math.abs(p.row - q.row);
  const columns = Math.abs(p.x - q.x);
  return (rows === 0 && columns === 1) || (rows === 1 && columns <= 0.75);
}

function plausibleSubstitution(a: string, b: string): boolean {
  if (VOWELS.has(a) && VOWELS.has(b)) return true;
  if (SOUND_ALIKES.includes(a + b) || SOUND_ALIKES.includes(b + a)) return true;
  return neighbouringKeys(a, b);
}

/**
 * For two words one edit apart: false only when that edit is a substitution of two letters that
 * are neither neighbouring keys nor alike in sound.
 */
export function isPlausibleTypo(page: string, alias: string): boolean {
  if (page.length !== alias.length) return true;
  let first = -1;
  for (let k = 0; k < page.length; k++) {
    if (page[k] === alias[k]) continue;
    if (first >= 0) return true; // two differences one edit apart: a swap of neighbours
    first = k;
  }
  return first < 0 || plausibleSubstitution(page[first]!, alias[first]!);
}
