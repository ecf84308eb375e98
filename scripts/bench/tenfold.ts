/**
 * A synthetic dataset ten times the size of the real one: the real entries plus nine disguised
 * copies whose words keep their shape (length, capitals, vowels where vowels were, hyphens,
 * ambiguity flags) but spell other names, as a larger real dataset would.
 */
import { compileMatcherIndex } from '../../utils/matcher.ts';
import type { CompiledMatcherIndex, MatchableEntry } from '../../utils/types.ts';

const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghjklmnpqrstvwxz';

function disguiseLetter(ch: string, copy: number): string {
  const lower = ch.toLowerCase();
  const upper = ch !== lower;
  let out = ch;
  if (VOWELS.includes(lower)) out = VOWELS[(VOWELS.indexOf(lower) + copy) % VOWELS.length]!;
  else if (CONSONANTS.includes(lower))
    out = CONSONANTS[(CONSONANTS.indexOf(lower) + copy * 3) % CONSONANTS.length]!;
  else if (ch >= '\uac00' && ch <= '\ud7a3')
    out = String.fromCharCode(0xac00 + ((ch.charCodeAt(0) - 0xac00 + copy * 97) % 11172));
  return upper ? out.toUpperCase() : out;
}

function disguise(text: string, copy: number): string {
  return [...text].map((ch) => disguiseLetter(ch, copy)).join('');
}

export function tenfoldDataset(entries: readonly MatchableEntry[]): MatchableEntry[] {
  const copies: MatchableEntry[] = [...entries];
  for (let copy = 1; copy < 10; copy++) {
    for (const entry of entries) {
      copies.push({
        id: `${entry.id}-${copy}`,
        name: disguise(entry.name, copy),
        aliases: entry.aliases.map((alias) => ({ ...alias, text: disguise(alias.text, copy) })),
        related: entry.related?.map((id) => `${id}-${copy}`),
        category: entry.category,
      });
    }
  }
  return copies;
}

export function aliasCount(entries: readonly MatchableEntry[]): number {
  return entries.reduce((sum, entry) => sum + 1 + entry.aliases.length, 0);
}

/** What the extension ships for the matcher: the entries and their compiled alias table. */
export interface ShippedMatcherData {
  entries: MatchableEntry[];
  matcher: CompiledMatcherIndex;
}

/**
 * The JSON of what the extension would ship for the matcher with these entries: what they say
 * (index.json carries these fields of each entry) and the alias table the data build compiles
 * for them, with the data build's own function.
 */
export function shippedMatcherJson(
  entries: readonly MatchableEntry[],
  compiled: CompiledMatcherIndex = compileMatcherIndex(entries),
): string {
  const shipped: ShippedMatcherData = {
    entries: entries.map(({ id, name, aliases, related, category, general }) => ({
      id,
      name,
      aliases,
      related,
      category,
      ...(general ? { general } : {}),
    })),
    matcher: compiled,
  };
  return JSON.stringify(shipped);
}
