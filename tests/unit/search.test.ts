/**
 * The popup's search: what a reader typing into the search box gets, typos and spelling variants
 * included.
 */
import { describe, expect, it } from 'vitest';
import { createEntrySearch } from '../../utils/search.ts';
import type { Category, Entry } from '../../utils/types.ts';

function entry(
  id: string,
  name: string,
  category: Category,
  aliases: string[],
  summary: string,
): Entry {
  return {
    id,
    name,
    category,
    summary,
    aliases: aliases.map((text) => ({ text, ambiguous: false })),
    related: [],
    contexts: [],
  };
}

const ENTRIES: Entry[] = [
  entry(
    'stephen-biegun',
    'Stephen Biegun',
    'person',
    ['Steve Biegun'],
    'US special representative for North Korea from 2018.',
  ),
  entry(
    'kim-jong-un',
    'Kim Jong-un',
    'person',
    ['Kim Jong Un', '김정은'],
    'Leader of North Korea since 2011.',
  ),
  entry(
    'victor-cha',
    'Victor Cha',
    'person',
    [],
    'Korea chair at the Center for Strategic and International Studies.',
  ),
  entry(
    'sohae',
    'Sohae Satellite Launching Station',
    'facility',
    ['Tongchang-ri', 'Sohae launch facility'],
    'North Korea’s main rocket launch site, on the west coast near the Chinese border.',
  ),
  entry(
    'maximum-pressure',
    'Maximum pressure',
    'policy',
    ['maximum pressure campaign'],
    'Sanctions and isolation policy.',
  ),
];
const { search } = createEntrySearch(ENTRIES);
const ids = (query: string, limit?: number) => search(query, limit).map((hit) => hit.entry.id);

describe('entry search', () => {
  it('finds an entry by any spelling of its name', () => {
    for (const query of ['kim jong un', 'Kim Jong-un’s', 'KIM JONG—UN', '김정은']) {
      expect(ids(query)[0]).toBe('kim-jong-un');
    }
  });

  it('tolerates typos', () => {
    expect(ids('Beigun')[0]).toBe('stephen-biegun');
    expect(ids('Sohea')[0]).toBe('sohae');
    expect(ids('maximun presure')[0]).toBe('maximum-pressure');
  });

  it('searches aliases and summaries', () => {
    expect(ids('Tongchang ri')[0]).toBe('sohae');
    expect(ids('rocket launch site')).toContain('sohae');
  });

  it('puts whole-word name matches first', () => {
    // "cha" also occurs inside "Tongchang-ri"; the reader means Victor Cha.
    expect(ids('cha')[0]).toBe('victor-cha');
  });

  it('scores best matches highest, within (0, 1], and respects the limit', () => {
    const hits = search('korea');
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) {
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
    }
    expect(search('korea', 1)).toHaveLength(1);
  });

  it('finds nothing for an empty or unrelated query', () => {
    expect(search('')).toEqual([]);
    expect(search('  – ')).toEqual([]);
    expect(search('xylophone')).toEqual([]);
  });
});
