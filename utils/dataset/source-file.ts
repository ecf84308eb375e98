/**
 * Reads `data/sources/<id>.md`: a front matter block of `key: value` lines between `---` fences,
 * then the article body, verbatim. The format is a strict subset of YAML front matter, so editors
 * render it, but parsed here without a YAML library so that nothing is interpreted behind our back
 * (no dates turned into Date objects, no "no" turned into false).
 */
import type { SourceMeta } from '../types.ts';
import { idFromPath, type DataFile, type DatasetProblem } from './problems.ts';

export interface ParsedSource {
  path: string;
  meta: SourceMeta;
  /** The article text exactly as published; paragraphs are its non-blank lines. */
  body: string;
}

type MetaKey = Exclude<keyof SourceMeta, 'id'>;
const REQUIRED_KEYS: readonly MetaKey[] = ['title', 'author', 'publication'];
const OPTIONAL_KEYS: readonly MetaKey[] = ['authorRole', 'date', 'series'];
const KNOWN_KEYS: ReadonlySet<string> = new Set([...REQUIRED_KEYS, ...OPTIONAL_KEYS]);
// Only as precise as known: a year, a month or a day.
const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
export const SOURCE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A double-quoted value is read as a JSON string, a single-quoted one as YAML reads it ('' is a
 * quote; Prettier writes this form), a plain one as the trimmed text.
 */
function readValue(raw: string): { value: string } | { error: string } {
  if (raw.startsWith("'")) {
    const inner = /^'((?:[^']|'')*)'$/.exec(raw)?.[1];
    return inner === undefined
      ? { error: "quoted value is not a valid single-quoted string (write '' for a quote)" }
      : { value: inner.replaceAll("''", "'") };
  }
  if (raw.startsWith('"')) {
    try {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'string' ? { value } : { error: 'not a string' };
    } catch {
      return { error: 'quoted value is not a valid double-quoted string' };
    }
  }
  // Plain YAML scalars cannot hold these; asking for quotes keeps the file valid YAML.
  if (/: | #|^[-?:,[\]{}#&*!|>'%@`]/.test(raw)) {
    return { error: 'put this value in double quotes' };
  }
  return { value: raw };
}

export function parseSourceFile(file: DataFile): {
  source?: ParsedSource;
  problems: DatasetProblem[];
} {
  const id = idFromPath(file.path);
  const problems: DatasetProblem[] = [];
  const problem = (message: string, field?: string): void => {
    problems.push({
      file: file.path,
      entry: id,
      ...(field === undefined ? {} : { field }),
      message,
    });
  };
  if (!SOURCE_ID.test(id)) problem('file name must be a kebab-case id, e.g. "author-topic.md"');

  const lines = file.text.split('\n');
  const close = lines.indexOf('---', 1);
  if (lines[0] !== '---' || close < 0) {
    problem('must start with a front matter block between "---" lines');
    return { problems };
  }
  const fields = new Map<string, string>();
  const seen = new Set<string>();
  for (const [index, line] of lines.slice(1, close).entries()) {
    if (line.trim() === '') continue;
    const match = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/.exec(line);
    if (!match?.[1]) {
      problem(`front matter line ${index + 2} is not "key: value"`);
      continue;
    }
    const key = match[1];
    if (!KNOWN_KEYS.has(key)) {
      problem(`unknown field (known: ${[...KNOWN_KEYS].join(', ')})`, key);
      continue;
    }
    if (seen.has(key)) problem('given twice', key);
    seen.add(key);
    const read = readValue((match[2] ?? '').trim());
    if ('error' in read) problem(read.error, key);
    else if (read.value === '') problem('empty', key);
    else fields.set(key, read.value);
  }
  for (const key of REQUIRED_KEYS) if (!seen.has(key)) problem('missing', key);
  const date = fields.get('date');
  if (date !== undefined && !PARTIAL_DATE.test(date)) {
    problem('must be YYYY, YYYY-MM or YYYY-MM-DD (as precise as known, never guessed)', 'date');
  }

  // A blank line after the front matter and one final newline are the file's layout (Prettier
  // and editors add them), not the article's.
  const body = lines
    .slice(close + 1)
    .join('\n')
    .replace(/^\n/, '')
    .replace(/\n$/, '');
  if (body.trim() === '') problem('the article body after the front matter is empty', 'body');
  if (body.includes('\r')) problem('use LF line endings: paragraphs are split on "\\n"', 'body');
  if (problems.length > 0) return { problems };

  const meta: SourceMeta = {
    id,
    title: fields.get('title') ?? '',
    author: fields.get('author') ?? '',
    publication: fields.get('publication') ?? '',
  };
  for (const key of OPTIONAL_KEYS) {
    const value = fields.get(key);
    if (value !== undefined) meta[key] = value;
  }
  return { source: { path: file.path, meta, body }, problems };
}
