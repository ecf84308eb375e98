/**
 * The popup's search over the dataset: names, aliases and summaries, tolerant of typos, through
 * the same `normalize()` as the matcher, so "Kim Jong Un", "kim jong-un" and "Kim Jong-un’s" find
 * the same entry.
 */
import Fuse from 'fuse.js';
import { normalize } from './normalize.ts';
import type { Entry } from './types.ts';

export interface EntrySearchHit {
  entry: Entry;
  /** How well the entry matches, in (0, 1]; 1 is a perfect match. */
  score: number;
}

export interface EntrySearch {
  /**
   * Best matches first (ties by name); an empty query finds nothing. Default limit 10. A plain
   * function, so `const { search } = createEntrySearch(entries)` works.
   */
  search: (query: string, limit?: number) => EntrySearchHit[];
}

interface SearchDocument {
  entry: Entry;
  name: string;
  aliases: string[];
  summary: string;
}

const DEFAULT_LIMIT = 10;
/** Below this, a hit is a stray fuzzy fragment of some long summary, not an answer. */
const MIN_SCORE = 0.25;

/** Whether the query is whole words of the entry's name or of one of its aliases. */
function namesWholeWords(document: SearchDocument, query: string): boolean {
  const padded = ` ${query} `;
  return [document.name, ...document.aliases].some((form) => ` ${form} `.includes(padded));
}

export function createEntrySearch(entries: readonly Entry[]): EntrySearch {
  const documents: SearchDocument[] = entries.map((entry) => ({
    entry,
    name: normalize(entry.name),
    aliases: entry.aliases.map((alias) => normalize(alias.text)),
    summary: normalize(entry.summary),
  }));
  const fuse = new Fuse(documents, {
    keys: [
      { name: 'name', weight: 3 },
      { name: 'aliases', weight: 2 },
      { name: 'summary', weight: 1 },
    ],
    includeScore: true,
    // A typo or two in a name still finds it; where in a summary a word sits does not matter.
    threshold: 0.35,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  return {
    search: (query, limit = DEFAULT_LIMIT) => {
      const normalized = normalize(query);
      if (normalized === '' || limit <= 0) return [];
      const hits = fuse
        .search(normalized)
        .map((result) => ({
          hit: { entry: result.item.entry, score: 1 - (result.score ?? 0) },
          namesIt: namesWholeWords(result.item, normalized),
        }))
        .filter(({ hit }) => hit.score >= MIN_SCORE);
      // Someone typing "cha" wants Victor Cha before the "cha" inside "Tongchang-ri".
      hits.sort(
        (a, b) =>
          Number(b.namesIt) - Number(a.namesIt) ||
          b.hit.score - a.hit.score ||
          a.hit.entry.name.localeCompare(b.hit.entry.name),
      );
      return hits.slice(0, limit).map(({ hit }) => hit);
    },
  };
}
