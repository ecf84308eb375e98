/**
 * The compiled index as data/generated/index.json holds it, which every bundle of the extension
 * carries: the same content as `CompiledIndex`, without its repetitions. A sentence quoted on
 * several cards is written once, related entries are named by their position, and aliases are
 * plain strings, the ambiguous ones listed by position. `expandIndex` gives back the index the
 * extension uses; it runs once, when a bundle loads, and costs a fraction of a millisecond.
 */
import type { CompiledIndex, ContextSentence, Entry } from '../types.ts';

export interface SerializedEntry extends Omit<Entry, 'aliases' | 'related' | 'contexts'> {
  aliases: string[];
  /** Positions in `aliases` of the ambiguous ones; absent when there are none. */
  ambiguous?: number[];
  /** Positions of the related entries in the index's `entries`. */
  related: number[];
  /** Per context: its sentence's position in `sentences`, then its marks, start and end each. */
  contexts: number[][];
}

export interface SerializedIndex extends Omit<CompiledIndex, 'entries'> {
  /** Each sentence quoted: its source's position in `sources`, its paragraph, its text. */
  sentences: Array<[number, number, string]>;
  entries: SerializedEntry[];
}

export function compactIndex(index: CompiledIndex): SerializedIndex {
  const sourceAt = new Map(index.sources.map((source, k) => [source.id, k]));
  const entryAt = new Map(index.entries.map((entry, k) => [entry.id, k]));
  const sentences: SerializedIndex['sentences'] = [];
  const sentenceAt = new Map<string, number>();
  const entries = index.entries.map((entry): SerializedEntry => {
    const { aliases, related, contexts, ...rest } = entry;
    const ambiguous = aliases.flatMap((alias, k) => (alias.ambiguous ? [k] : []));
    return {
      ...rest,
      aliases: aliases.map((alias) => alias.text),
      ...(ambiguous.length > 0 ? { ambiguous } : {}),
      related: related.map((id) => entryAt.get(id)!),
      contexts: contexts.map(({ source, paragraph, text, marks }) => {
        const sentence: [number, number, string] = [sourceAt.get(source)!, paragraph, text];
        const key = JSON.stringify(sentence);
        let at = sentenceAt.get(key);
        if (at === undefined) sentenceAt.set(key, (at = sentences.push(sentence) - 1));
        return [at, ...marks.flat()];
      }),
    };
  });
  const { version, sources, matcher } = index;
  return { version, sources, sentences, entries, matcher };
}

export function expandIndex(serialized: SerializedIndex): CompiledIndex {
  const { version, sources, sentences, matcher } = serialized;
  const compact = serialized.entries;
  const entries: Entry[] = [];
  // Plain loops: every bundle runs this as it loads.
  for (const entry of compact) {
    const aliases: Entry['aliases'] = [];
    for (const text of entry.aliases) aliases.push({ text, ambiguous: false });
    for (const k of entry.ambiguous ?? []) aliases[k]!.ambiguous = true;
    const related: string[] = [];
    for (const k of entry.related) related.push(compact[k]!.id);
    const contexts: ContextSentence[] = [];
    for (const context of entry.contexts) {
      const [source, paragraph, text] = sentences[context[0]!]!;
      const marks: Array<[number, number]> = [];
      for (let k = 1; k + 1 < context.length; k += 2) marks.push([context[k]!, context[k + 1]!]);
      contexts.push({ source: sources[source]!.id, paragraph, text, marks });
    }
    // In the order the data build makes them (utils/dataset/compile.ts).
    const { id, name, category, summary } = entry;
    const expanded: Entry = { id, name, category, summary, aliases, related, contexts };
    if (entry.general) expanded.general = true;
    if (entry.absentNote !== undefined) expanded.absentNote = entry.absentNote;
    entries.push(expanded);
  }
  return { version, sources, entries, matcher };
}
