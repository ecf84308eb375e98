import type { Category, MatchKind, SourceMeta } from '../utils/types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2019-03" → "March 2019"; only as precise as the data. */
export function formatSourceDate(date: string | undefined): string {
  if (!date) return '';
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year ?? '';
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** "John Hemmings, The National Interest, March 2019" */
export function formatAttribution(source: SourceMeta): string {
  return [source.author, source.publication, formatSourceDate(source.date)]
    .filter(Boolean)
    .join(', ');
}

const CATEGORY_LABELS: Record<Category, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  facility: 'Facility',
  event: 'Event',
  policy: 'Policy',
  concept: 'Concept',
  weapon: 'Weapon',
  media: 'Media',
  document: 'Document',
};

export function categoryLabel(category: Category): string {
  return CATEGORY_LABELS[category];
}

/** How a mention was matched, in words, when that is worth telling the reader. */
export function matchNote(kind: MatchKind, surface: string, alias: string): string | null {
  if (kind === 'fuzzy') return `Matched “${surface}” as a likely misspelling of “${alias}”.`;
  if (kind === 'coreference')
    return `“${surface}” refers back to the full name elsewhere on this page.`;
  return null;
}

/** Splits `text` into plain and marked pieces; marks may be unsorted or overlap. */
export function splitMarks(
  text: string,
  marks: ReadonlyArray<readonly [number, number]>,
): Array<{ text: string; marked: boolean }> {
  const sorted = [...marks].sort((a, b) => a[0] - b[0]);
  const pieces: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), marked: false });
    pieces.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
