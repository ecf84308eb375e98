/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "Beigun" is one
 * typo away from "Biegun"), with an early exit once every alignment is over `max`.
 */

let previous2 = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/** The distance between `a` and `b`, or `max + 1` if it is greater than `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (width > current.length) {
    previous2 = new Int32Array(width * 2);
    previous = new Int32Array(width * 2);
    current = new Int32Array(width * 2);
  }
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        d = Math.min(d, previous2[j - 2]! + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const spare = previous2;
    previous2 = previous;
    previous = current;
    current = spare;
  }
  const distance = previous[width - 1]!;
  return distance > max ? max + 1 : distance;
}
