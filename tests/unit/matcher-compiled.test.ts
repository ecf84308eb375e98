/**
 * The alias table the data build compiles and ships (index.json "matcher"): a matcher built from
 * it is the matcher built from the entries alone, mention for mention, and a table that does not
 * fit its entries is never used.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX } from '../../data/index.ts';
import { tenfoldDataset } from '../../scripts/bench/tenfold.ts';
import { textSegments } from '../../scripts/scan.ts';
import { compactIndex, expandIndex } from '../../utils/dataset/serialized.ts';
import { compileMatcherIndex, createMatcher } from '../../utils/matcher.ts';
import { compilePatterns } from '../../utils/matcher/aliases.ts';
import { loadAliasTable } from '../../utils/matcher/compiled.ts';
import { Vocabulary } from '../../utils/matcher/vocabulary.ts';
import type { CompiledMatcherIndex, MatchableEntry, TextSegment } from '../../utils/types.ts';
import { ENTRIES } from './helpers/matcher-fixture.ts';

const ACCURACY = join(import.meta.dirname, '../fixtures/accuracy');

/** The labelled pages of the accuracy set, as plain text. */
const pages: TextSegment[][] = readdirSync(ACCURACY)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) =>
    textSegments(
      readFileSync(join(ACCURACY, name), 'utf8').replace(/\[\[([^|\]]+)\|[a-z0-9-]+\]\]/g, '$1'),
    ),
  );

describe('a matcher built from the shipped alias table', () => {
  it('is the one the data build compiles from the bundled entries', () => {
    expect(INDEX.matcher).toEqual(compileMatcherIndex(INDEX.entries));
  });

  it('finds exactly what a matcher built from the entries alone finds, on the accuracy set', () => {
    const shipped = createMatcher(INDEX.entries, { compiled: INDEX.matcher });
    const fromEntries = createMatcher(INDEX.entries);
    expect(pages.length).toBeGreaterThanOrEqual(30);
    for (const page of pages) {
      expect(shipped.findMentions(page)).toEqual(fromEntries.findMentions(page));
    }
  });

  it('holds the very patterns the entries normalise to', () => {
    const datasets: Array<readonly MatchableEntry[]> = [
      INDEX.entries,
      ENTRIES,
      tenfoldDataset(INDEX.entries),
    ];
    for (const entries of datasets) {
      const vocabulary = new Vocabulary();
      const patterns = compilePatterns(entries, vocabulary);
      const table = loadAliasTable(compileMatcherIndex(entries), entries)!;
      expect(table.forms).toEqual(vocabulary.forms);
      expect(Array.from({ length: table.size }, (_, p) => table.pattern(p))).toEqual(patterns);
    }
  });

  it('is compiled the same whatever the run (byte-stable)', () => {
    expect(JSON.stringify(compileMatcherIndex(ENTRIES))).toBe(
      JSON.stringify(compileMatcherIndex(ENTRIES.map((entry) => ({ ...entry })))),
    );
  });
});

describe('an alias table that does not fit its entries', () => {
  const compiled = compileMatcherIndex(ENTRIES);
  const broken: Array<[string, CompiledMatcherIndex]> = [
    ['a word too many', { ...compiled, patternWords: [...compiled.patternWords, 0] }],
    ['a reference cut short', { ...compiled, refs: compiled.refs.slice(0, -1) }],
    ['a word that is not in the vocabulary', { ...compiled, words: 'kim' }],
    [
      'a reference to an entry that is not there',
      { ...compiled, refs: [99, ...compiled.refs.slice(1)] },
    ],
    ['an alias that is not there', { ...compiled, refs: [0, 99, ...compiled.refs.slice(2)] }],
    ['a pattern without words', { ...compiled, patterns: [0, ...compiled.patterns.slice(1)] }],
  ];

  it.each(broken)('is refused (%s)', (_, table) => {
    expect(loadAliasTable(table, ENTRIES)).toBeUndefined();
  });

  it('gives way to the entries themselves', () => {
    const text = 'Special Representative Steve Biegun met Kim Jong-un; Beigun said so.';
    const expected = createMatcher(ENTRIES).findMentions([{ text, offset: 0 }]);
    for (const [, table] of broken) {
      const matcher = createMatcher(ENTRIES, { compiled: table });
      expect(matcher.findMentions([{ text, offset: 0 }])).toEqual(expected);
    }
    expect(expected.mentions.length).toBeGreaterThan(0);
  });
});

describe('the bundled index', () => {
  it('is written without repetitions and read back whole', () => {
    const compact = compactIndex(INDEX);
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(INDEX).length * 0.8);
    expect(expandIndex(compact)).toEqual(INDEX);
    const reread = JSON.parse(JSON.stringify(compact)) as typeof compact;
    expect(JSON.stringify(expandIndex(reread))).toBe(JSON.stringify(INDEX));
  });
});
