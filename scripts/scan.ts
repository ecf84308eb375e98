/**
 * `npm run scan -- <file.html|file.txt> [--json]`: what FactLens would mark on a saved page, with
 * the same text extraction, matcher and precision rules as the content script.
 *
 * With --json, standard output holds only
 *   {"mentions":[{"id","name","text","kind","start","end"}], "summary": {...}}
 * and everything else goes to standard error, so `npm run -s scan -- page.html --json | jq` works.
 * A .txt file is scanned as plain text, one segment per paragraph (blank-line separated), with
 * offsets into the file; an HTML page is parsed (no scripts run, nothing is fetched) and its text
 * collected per block element, with offsets into that collected text.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import { collectSegments } from '../entrypoints/content/collect-text.ts';
import { createMatcher } from '../utils/matcher.ts';
import type { CompiledIndex, MatchResult, TextSegment } from '../utils/types.ts';
import { formatTable } from './scan/table.ts';

const USAGE = 'usage: npm run scan -- <file.html|file.txt> [--json]';

/** Plain text: one segment per paragraph, offsets into the file itself. */
export function textSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const paragraph = /\S[\s\S]*?(?=\n[ \t]*\r?\n|\s*$)/g;
  for (let found = paragraph.exec(text); found; found = paragraph.exec(text)) {
    segments.push({ text: found[0], offset: found.index });
  }
  return segments;
}

/** A saved page: parsed without running or fetching anything, text joined per block element. */
export async function htmlSegments(html: string): Promise<TextSegment[]> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  try {
    const document = new window.DOMParser().parseFromString(html, 'text/html');
    const root = document.body ?? document;
    // happy-dom's node types are its own; at run time they are the DOM the content script sees.
    return collectSegments(root as unknown as Node).segments;
  } finally {
    await window.happyDOM.close();
  }
}

function looksLikeHtml(path: string, content: string): boolean {
  const extension = extname(path).toLowerCase();
  if (extension === '.txt') return false;
  if (['.html', '.htm', '.xhtml'].includes(extension)) return true;
  return /^\s*</.test(content);
}

export function toJson(result: MatchResult, index: CompiledIndex): string {
  const names = new Map(index.entries.map((entry) => [entry.id, entry.name]));
  const name = (id: string) => names.get(id) ?? id;
  return JSON.stringify({
    mentions: result.mentions.map(({ id, text, kind, start, end }) => ({
      id,
      name: name(id),
      text,
      kind,
      start,
      end,
    })),
    summary: {
      onTopic: result.summary.onTopic,
      entries: result.summary.entries.map(({ id, count }) => ({ id, name: name(id), count })),
    },
  });
}

async function loadIndex(): Promise<CompiledIndex> {
  try {
    return (await import('../data/index.ts')).INDEX;
  } catch {
    throw new Error('the compiled dataset is missing; run `npm run data` first');
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  let file: string | undefined;
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    file = positionals[0];
    json = values.json;
    if (!file || positionals.length > 1) throw new Error(USAGE);
  } catch (error) {
    console.error(`scan: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  try {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read it';
      throw new Error(`${file}: ${reason}`);
    }
    const index = await loadIndex();
    const began = performance.now();
    const segments = looksLikeHtml(file, content)
      ? await htmlSegments(content)
      : textSegments(content);
    const result = createMatcher(index.entries, { compiled: index.matcher }).findMentions(segments);
    const characters = segments.reduce((sum, segment) => sum + segment.text.length, 0);
    console.error(
      `scan: ${file}: ${segments.length} text segments, ${characters} characters, ` +
        `${result.mentions.length} mentions in ${(performance.now() - began).toFixed(0)} ms`,
    );
    console.log(json ? toJson(result, index) : formatTable(result, index));
    return 0;
  } catch (error) {
    console.error(`scan: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
