/**
 * A problem found in the dataset, located precisely enough to fix without searching:
 * the file, the entry (or source) inside it, and the field.
 */
export interface DatasetProblem {
  file: string;
  /** The entry id (or source id) the problem belongs to, when one is known. */
  entry?: string;
  /** The field, with an index where it helps: `aliases[2]`, `related[0]`. */
  field?: string;
  message: string;
}

/** `data/entries/x.json: entry "x", field "summary": missing` — one line per problem. */
export function formatProblem(problem: DatasetProblem): string {
  const where = [
    problem.entry === undefined ? undefined : `entry "${problem.entry}"`,
    problem.field === undefined ? undefined : `field "${problem.field}"`,
  ].filter((part) => part !== undefined);
  const location = where.length > 0 ? `${problem.file}: ${where.join(', ')}` : problem.file;
  return `${location}: ${problem.message}`;
}

/** Stable order for reports: by file, then entry, then field, then message. */
export function sortProblems(problems: readonly DatasetProblem[]): DatasetProblem[] {
  const key = (p: DatasetProblem): string =>
    [p.file, p.entry ?? '', p.field ?? '', p.message].join('\u0000');
  return [...problems].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The last path segment without its extension: the id a data file is named for. */
export function idFromPath(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The file contents the build works on; reading them is the caller's business. */
export interface DataFile {
  /** Path as it should appear in messages, e.g. `data/entries/kim-jong-un.json`. */
  path: string;
  text: string;
}
