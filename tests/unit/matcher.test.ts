/**
 * The matcher as a reader meets it: what gets marked, where, and in which order. Typos and the
 * precision rules are in matcher-rules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../utils/matcher.ts';
import { ENTRIES, ON_TOPIC, find, marked, matcher, segmentsOf } from './helpers/matcher-fixture.ts';

describe('exact matching', () => {
  it('reports offsets in the shared coordinate space of all segments', () => {
    const paragraphs = ['Nothing here.', 'Talks with Kim Jong-un resumed.'];
    const [mention] = find(...paragraphs);
    const page = paragraphs.join('\n');
    expect(mention).toMatchObject({
      id: 'kim-jong-un',
      kind: 'exact',
      score: 1,
      alias: 'Kim Jong-un',
    });
    expect(page.slice(mention!.start, mention!.end)).toBe('Kim Jong-un');
  });

  it('prefers the longest alias', () => {
    expect(marked('Special Representative Steve Biegun arrived.')).toEqual([
      ['Special Representative Steve Biegun', 'stephen-biegun', 'alias'],
    ]);
  });

  it('respects word boundaries', () => {
    expect(marked('Victor Cha flew to Chad and ate Kimchi; CSISX is not CSIS.')).toEqual([
      ['Victor Cha', 'victor-cha', 'exact'],
      ['CSIS', 'csis', 'alias'],
    ]);
  });

  it('matches acronyms only in capitals, plurals included', () => {
    expect(marked('KCNA reported two ICBMs; the kcna site and icbm were down.')).toEqual([
      ['KCNA', 'kcna', 'alias'],
      ['ICBMs', 'icbm', 'alias'],
    ]);
  });

  it('matches names in any case, across line breaks, dashes and possessives', () => {
    expect(marked('KIM JONG UN met Stephen\nBiegun; Kim Jong–un’s envoy.')).toEqual([
      ['KIM JONG UN', 'kim-jong-un', 'exact'],
      ['Stephen\nBiegun', 'stephen-biegun', 'exact'],
      ['Kim Jong–un', 'kim-jong-un', 'exact'],
    ]);
  });

  it('never matches across segments or across a sentence break', () => {
    expect(marked('He met Steve', 'Biegun was late.')).toEqual([]);
    expect(marked('They met in North. Korea was not mentioned.')).toEqual([]);
  });
});

describe('results', () => {
  it('are sorted by start and the same for the same text', () => {
    const page = segmentsOf(
      ON_TOPIC,
      'Steve Biegun met Kim Jong Un. Biegun and Kim spoke at the summit.',
    );
    const first = matcher.findMentions(page);
    expect(matcher.findMentions(page)).toEqual(first);
    const starts = first.mentions.map((m) => m.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('summarise the page: entries by count, and whether it is on topic', () => {
    const { summary } = matcher.findMentions(segmentsOf(ON_TOPIC, 'North Korea again.'));
    expect(summary).toEqual({
      entries: [
        { id: 'north-korea', count: 2 },
        { id: 'kcna', count: 1 },
        { id: 'pyongyang', count: 1 },
      ],
      onTopic: true,
    });
    expect(matcher.findMentions(segmentsOf('Pyongyang in winter.')).summary.onTopic).toBe(false);
  });

  it('handle empty input', () => {
    expect(matcher.findMentions([])).toEqual({
      mentions: [],
      summary: { entries: [], onTopic: false },
    });
    expect(matcher.findMentions(segmentsOf('', '   '))).toEqual({
      mentions: [],
      summary: { entries: [], onTopic: false },
    });
  });

  it('are built quickly from a dataset of a few hundred aliases', () => {
    const many = Array.from({ length: 60 }, (_, k) =>
      ENTRIES.map((e) => ({ ...e, id: `${e.id}-${k}` })),
    ).flat();
    const started = performance.now();
    createMatcher(many);
    // Generous: the bench measures the real figure; this guards against accidental blow-ups.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
