/**
 * The data build as a pure function: file contents in, a compiled index (or every problem) out.
 * The result does not depend on the order files are given in, so the output is byte-stable.
 */
import type {
  CompiledIndex,
  CompiledMatcherIndex,
  ContextSentence,
  Entry,
  MatchableEntry,
} from '../types.ts';
import { checkAliasClaims, checkReferences, checkIds, type AliasKey } from './cross-checks.ts';
import {
  drawContexts,
  locatePin,
  splitSources,
  type CreateMatcher,
  type SourceText,
} from './contexts.ts';
import { parseEntryFile, type EntryDraft } from './entry-file.ts';
import { sortProblems, type DataFile, type DatasetProblem } from './problems.ts';
import { compactIndex } from './serialized.ts';
import { parseSourceFile, type ParsedSource } from './source-file.ts';

/**
 * A compiled entry. `absentNote` is present exactly when no source mentions the entry: what the
 * card says instead of quotes ("Not mentioned in the article; see …").
 */
export type CompiledEntry = Entry;
export type CompiledDataset = Omit<CompiledIndex, 'entries'> & { entries: CompiledEntry[] };

export interface DatasetFiles {
  sources: readonly DataFile[];
  entries: readonly DataFile[];
}

/** The browser's own matcher and normalisation, passed in so build and browser cannot drift. */
export interface DatasetTools {
  createMatcher: CreateMatcher;
  aliasKey: AliasKey;
  /** Compiles the entries' aliases for the matcher, to ship with them (the index's `matcher`). */
  compileMatcherIndex: (entries: readonly MatchableEntry[]) => CompiledMatcherIndex;
}

export interface CompileOutcome {
  /** Present only when there are no problems. */
  index?: CompiledDataset;
  problems: DatasetProblem[];
  /** Worth a look, not fatal: e.g. fuzzy matches inside a curated source. */
  warnings: string[];
}

const byPath = (a: DataFile, b: DataFile): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
const byId = <T extends { id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function withPinFirst(
  entry: EntryDraft,
  contexts: ContextSentence[],
  texts: readonly SourceText[],
  problems: DatasetProblem[],
): ContextSentence[] {
  if (entry.pin === undefined) return contexts;
  const report = (message: string): void => {
    problems.push({ file: entry.file, entry: entry.id, field: 'pin', message });
  };
  const found = locatePin(texts, entry.pin);
  if (found === undefined) report('the pinned sentence is not verbatim in any source');
  else if ('partOf' in found)
    report(`the pinned text is not a whole sentence; the sentence reads: "${found.partOf}"`);
  else {
    const pinned = contexts.find((context) => context.text === entry.pin);
    if (pinned === undefined)
      report(`the pinned sentence (in ${found.source}) does not mention this entry`);
    else return [pinned, ...contexts.filter((context) => context !== pinned)];
  }
  return contexts;
}

function absentNoteFor(
  entry: EntryDraft,
  mentioned: readonly EntryDraft[],
  sourceCount: number,
): string {
  if (entry.absentNote !== undefined) return entry.absentNote;
  const where = sourceCount === 1 ? 'the article' : 'the articles';
  return `Not mentioned in ${where}; see ${mentioned
    .slice(0, 3)
    .map((related) => related.name)
    .join(', ')}.`;
}

function compileEntry(
  entry: EntryDraft,
  contexts: ContextSentence[],
  entriesById: ReadonlyMap<string, EntryDraft>,
  contextsById: ReadonlyMap<string, ContextSentence[]>,
  sourceIds: ReadonlySet<string>,
  problems: DatasetProblem[],
): CompiledEntry {
  const report = (field: string, message: string): void => {
    problems.push({ file: entry.file, entry: entry.id, field, message });
  };
  entry.namedIn.forEach((sourceId, index) => {
    // (A source that does not exist is reported by checkReferences.)
    if (sourceIds.has(sourceId) && !contexts.some((context) => context.source === sourceId)) {
      report(
        `namedIn[${index}]`,
        `source "${sourceId}" names this entry, but no sentence of it matches the entry's name or aliases; add the form the article uses as an alias`,
      );
    }
  });
  const compiled: CompiledEntry = {
    id: entry.id,
    name: entry.name,
    category: entry.category,
    summary: entry.summary,
    aliases: entry.aliases.map((alias) => ({ text: alias.text, ambiguous: alias.ambiguous })),
    related: entry.related,
    contexts,
    ...(entry.general ? { general: true as const } : {}),
  };
  if (contexts.length > 0) {
    if (entry.absentNote !== undefined)
      report(
        'absentNote',
        'the sources do mention this entry, so a note saying otherwise would be wrong',
      );
    return compiled;
  }
  const mentioned = entry.related
    .map((id) => entriesById.get(id))
    .filter(
      (related): related is EntryDraft =>
        related !== undefined && (contextsById.get(related.id)?.length ?? 0) > 0,
    );
  if (mentioned.length === 0) {
    report(
      'related',
      'no source mentions this entry, nor any of its related entries: its card would point nowhere',
    );
  }
  return { ...compiled, absentNote: absentNoteFor(entry, mentioned, sourceIds.size) };
}

export function compileDataset(files: DatasetFiles, tools: DatasetTools): CompileOutcome {
  const problems: DatasetProblem[] = [];
  const sources: ParsedSource[] = [];
  for (const file of [...files.sources].sort(byPath)) {
    const parsed = parseSourceFile(file);
    problems.push(...parsed.problems);
    if (parsed.source) sources.push(parsed.source);
  }
  const drafts: EntryDraft[] = [];
  for (const file of [...files.entries].sort(byPath)) {
    const parsed = parseEntryFile(file);
    problems.push(...parsed.problems);
    if (parsed.entry) drafts.push(parsed.entry);
  }
  sources.sort((a, b) => byId(a.meta, b.meta));
  drafts.sort(byId);
  const sourceIds = new Set(sources.map((source) => source.meta.id));
  problems.push(
    ...checkIds(drafts),
    ...checkReferences(drafts, sourceIds),
    ...checkAliasClaims(drafts, tools.aliasKey),
  );

  const texts = splitSources(sources);
  const drawn = drawContexts(texts, drafts, tools.createMatcher);
  const entriesById = new Map(drafts.map((draft) => [draft.id, draft]));
  const entries = drafts.map((draft) => {
    const contexts = withPinFirst(draft, drawn.byEntry.get(draft.id) ?? [], texts, problems);
    return compileEntry(draft, contexts, entriesById, drawn.byEntry, sourceIds, problems);
  });
  const warnings = drawn.fuzzyMentions.map(
    ({ source, mention }) =>
      `${source}: "${mention.text}" matched "${mention.alias}" of ${mention.id} only fuzzily; add it as an alias if it is right`,
  );
  if (problems.length > 0) return { problems: sortProblems(problems), warnings };
  return {
    index: {
      version: 1,
      sources: sources.map((source) => source.meta),
      entries,
      matcher: tools.compileMatcherIndex(entries),
    },
    problems: [],
    warnings,
  };
}

/** Compact (see serialized.ts) and byte-stable: the file the extension bundles. */
export function serializeIndex(index: CompiledDataset): string {
  return `${JSON.stringify(compactIndex(index))}\n`;
}
