/**
 * `npm run data`: validates data/sources/*.md and data/entries/*.json, draws context sentences with
 * the browser's matcher, and writes the compiled index the extension bundles.
 *
 *   tsx scripts/build-data.ts [--dir data] [--out data/generated/index.json]
 *
 * Exit code 1 with every problem listed (file, entry, field) when the dataset is not valid.
 *
 * Formats (add a source or an entry by adding a file; no code change):
 * - data/sources/<id>.md: front matter between "---" lines, one `key: value` per line — title,
 *   author, publication required; authorRole, date (YYYY[-MM[-DD]], only as precise as known) and
 *   series optional; no other keys — then the article body verbatim. Each non-blank line of the
 *   body is a paragraph; one final newline belongs to the file, not the article.
 * - data/entries/<id>.json: id (= file name), name, category, summary (one or two sentences, as of
 *   the source's time, later changes marked "later …"), aliases, related (entry ids), and optional
 *   pin (a sentence of a source, verbatim, that leads the card), namedIn (ids of the sources that
 *   name the entry: each must yield a context sentence) and absentNote (what the card says when no
 *   source mentions the entry; generated from `related` when left out).
 *   An alias is "text" or { "text": "…", "ambiguous": true } (counts only with evidence on the
 *   page). Listing the name itself as an ambiguous alias flags the name ambiguous. Two entries may
 *   share an alias only when both flag it ambiguous.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { compileDataset, serializeIndex, type DatasetFiles } from '../utils/dataset/compile.ts';
import { formatProblem, type DataFile } from '../utils/dataset/problems.ts';
import { compileMatcherIndex, createMatcher } from '../utils/matcher.ts';
import { normalize } from '../utils/normalize.ts';

function readDataFiles(dir: string, extension: string): DataFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => {
      const path = join(dir, name);
      return { path: relative(process.cwd(), path), text: readFileSync(path, 'utf8') };
    });
}

/** The dataset's files under `dir` (its `sources/` and `entries/` folders). */
export function loadDatasetFiles(dir: string): DatasetFiles {
  return {
    sources: readDataFiles(join(dir, 'sources'), '.md'),
    entries: readDataFiles(join(dir, 'entries'), '.json'),
  };
}

function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'data' },
      out: { type: 'string', default: join('data', 'generated', 'index.json') },
    },
  });
  const files = loadDatasetFiles(values.dir);
  const outcome = compileDataset(files, {
    createMatcher,
    aliasKey: normalize,
    compileMatcherIndex,
  });
  for (const warning of outcome.warnings) console.warn(`data: warning: ${warning}`);
  if (!outcome.index) {
    for (const problem of outcome.problems) console.error(formatProblem(problem));
    console.error(`data: ${outcome.problems.length} problem(s); nothing written.`);
    return 1;
  }
  const json = serializeIndex(outcome.index);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, json);
  const raw = Buffer.byteLength(json);
  const gzip = gzipSync(json, { level: 9 }).length;
  const { entries, sources } = outcome.index;
  const quoted = entries.filter((entry) => entry.contexts.length > 0).length;
  console.log(
    `data: ${entries.length} entries (${quoted} quoted from ${sources.length} source${sources.length === 1 ? '' : 's'}) → ${values.out}: ${formatKilobytes(raw)} (${formatKilobytes(gzip)} gzip)`,
  );
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main();
}
