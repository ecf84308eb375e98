/**
 * Reads and checks the shape of one `data/entries/<id>.json`. Cross-entry rules (duplicates,
 * alias claims, related ids, context sentences) live in cross-checks.ts and contexts.ts.
 */
import { CATEGORIES, type AliasDef, type Category } from '../types.ts';
import { idFromPath, type DataFile, type DatasetProblem } from './problems.ts';

/** An entry as written by a curator, before its context sentences are drawn. */
export interface EntryDraft {
  file: string;
  id: string;
  name: string;
  category: Category;
  summary: string;
  aliases: AliasDef[];
  related: string[];
  /** The sentence that leads the entry's card, verbatim from a source. */
  pin?: string;
  /** What the card says when no source mentions the entry (else a note is generated). */
  absentNote?: string;
  /** Sources that name this entry: each must yield at least one context sentence. */
  namedIn: string[];
  /** Turns up in news of every kind (see Entry.general). */
  general: boolean;
}

export const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// A card shows the summary in a line or two; longer text belongs in the article quotes.
export const MAX_SUMMARY_LENGTH = 480;
const FIELDS = [
  'id',
  'name',
  'category',
  'summary',
  'aliases',
  'related',
  'pin',
  'absentNote',
  'namedIn',
  'general',
] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);
const ALIAS_FIELDS: ReadonlySet<string> = new Set(['text', 'ambiguous']);

type Report = (message: string, field?: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readText(
  record: Record<string, unknown>,
  field: string,
  report: Report,
): string | undefined {
  const value = record[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    report('must be a non-empty string', field);
    return undefined;
  }
  if (value !== value.trim()) report('has leading or trailing spaces', field);
  return value;
}

function readIdList(record: Record<string, unknown>, field: string, report: Report): string[] {
  const value = record[field] ?? [];
  if (!Array.isArray(value)) {
    report('must be an array of ids', field);
    return [];
  }
  const ids: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || !ENTRY_ID.test(item))
      report('must be a kebab-case id', `${field}[${index}]`);
    else if (ids.includes(item)) report(`"${item}" is listed twice`, `${field}[${index}]`);
    else ids.push(item);
  });
  return ids;
}

/** `"text"` is an unambiguous alias; `{ "text", "ambiguous": true }` needs evidence on the page. */
function readAliases(record: Record<string, unknown>, report: Report): AliasDef[] {
  const value = record.aliases ?? [];
  if (!Array.isArray(value)) {
    report('must be an array of strings or { "text", "ambiguous" } objects', 'aliases');
    return [];
  }
  const aliases: AliasDef[] = [];
  value.forEach((item: unknown, index) => {
    const field = `aliases[${index}]`;
    if (typeof item === 'string' && item.trim() !== '') {
      aliases.push({ text: item, ambiguous: false });
      return;
    }
    if (!isRecord(item) || typeof item.text !== 'string' || item.text.trim() === '') {
      report('must be a non-empty string or { "text": "…", "ambiguous": true }', field);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!ALIAS_FIELDS.has(key)) report(`unknown field "${key}" (known: text, ambiguous)`, field);
    }
    if (item.ambiguous !== undefined && typeof item.ambiguous !== 'boolean') {
      report('"ambiguous" must be true or false', field);
    }
    aliases.push({ text: item.text, ambiguous: item.ambiguous === true });
  });
  return aliases;
}

export function parseEntryFile(file: DataFile): { entry?: EntryDraft; problems: DatasetProblem[] } {
  const fileId = idFromPath(file.path);
  const problems: DatasetProblem[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ file: file.path, entry: fileId, message: `not valid JSON: ${reason}` }] };
  }
  if (!isRecord(parsed)) {
    return { problems: [{ file: file.path, entry: fileId, message: 'must be a JSON object' }] };
  }
  const id = typeof parsed.id === 'string' && parsed.id !== '' ? parsed.id : fileId;
  const report: Report = (message, field) =>
    problems.push({
      file: file.path,
      entry: id,
      ...(field === undefined ? {} : { field }),
      message,
    });

  for (const key of Object.keys(parsed)) {
    if (!KNOWN_FIELDS.has(key)) report(`unknown field (known: ${FIELDS.join(', ')})`, key);
  }
  if (parsed.id === undefined) report('missing', 'id');
  else if (typeof parsed.id !== 'string' || !ENTRY_ID.test(parsed.id))
    report('must be a kebab-case id', 'id');

  const name = readText(parsed, 'name', report);
  if (name === undefined && parsed.name === undefined) report('missing', 'name');
  const summary = readText(parsed, 'summary', report);
  if (summary === undefined && parsed.summary === undefined) report('missing', 'summary');
  if (summary !== undefined && summary.length > MAX_SUMMARY_LENGTH) {
    report(
      `is ${summary.length} characters; keep it under ${MAX_SUMMARY_LENGTH} for the card`,
      'summary',
    );
  }
  const category = parsed.category;
  if (category === undefined) report('missing', 'category');
  else if (!CATEGORIES.some((known) => known === category)) {
    report(`must be one of: ${CATEGORIES.join(', ')}`, 'category');
  }
  const aliases = readAliases(parsed, report);
  const related = readIdList(parsed, 'related', report);
  const namedIn = readIdList(parsed, 'namedIn', report);
  if (related.includes(id)) report('an entry cannot be related to itself', 'related');
  const pin = readText(parsed, 'pin', report);
  const absentNote = readText(parsed, 'absentNote', report);
  if (parsed.general !== undefined && typeof parsed.general !== 'boolean')
    report('must be true or false', 'general');

  if (problems.length > 0 || name === undefined || summary === undefined) return { problems };
  const entry: EntryDraft = {
    file: file.path,
    id,
    name,
    category: category as Category,
    summary,
    aliases,
    related,
    namedIn,
    general: parsed.general === true,
  };
  if (pin !== undefined) entry.pin = pin;
  if (absentNote !== undefined) entry.absentNote = absentNote;
  return { entry, problems };
}
