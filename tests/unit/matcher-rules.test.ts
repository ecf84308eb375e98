/**
 * Typos and the precision rules: what counts only with evidence on the page, and what never
 * counts however much the page is about the field.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../utils/matcher.ts';
import { ENTRIES, ON_TOPIC, find, marked, segmentsOf } from './helpers/matcher-fixture.ts';

describe('fuzzy matching', () => {
  it('finds typos of distinctive words on a page about the field, with score and alias', () => {
    const mentions = find(
      ON_TOPIC,
      'Beigun met Kim Jong-un; work at Sohea was seen by Bermudes of CSIS.',
    );
    const typos = mentions.filter((m) => m.kind === 'fuzzy');
    expect(typos.map((m) => [m.text, m.id, m.alias])).toEqual([
      ['Beigun', 'stephen-biegun', 'Biegun'],
      ['Sohea', 'sohae', 'Sohae'],
      ['Bermudes', 'joseph-bermudez', 'Bermudez'],
    ]);
    for (const typo of typos) expect(typo.score).toBeGreaterThan(0.7);
    for (const typo of typos) expect(typo.score).toBeLessThan(1);
  });

  it('finds typos inside multi-word names', () => {
    expect(
      marked(ON_TOPIC, 'Kim Jung Un greeted Steven Biegun and Choi Son Hui.').slice(3),
    ).toEqual([
      ['Kim Jung Un', 'kim-jong-un', 'fuzzy'],
      ['Steven Biegun', 'stephen-biegun', 'fuzzy'],
      ['Choi Son Hui', 'choe-son-hui', 'fuzzy'],
    ]);
  });

  it('does not take other names, inflections or common words for typos', () => {
    const page = [
      ON_TOPIC,
      'Kim Jong-il and Kim Jong-hyun never met; talks have begun; North Koreans sailed to Bermuda.',
    ];
    expect(find(...page).filter((m) => m.kind === 'fuzzy')).toEqual([]);
  });

  it('needs evidence: a typo alone on an unrelated page is not marked', () => {
    expect(marked('Beigun is a rare surname.')).toEqual([]);
  });

  it('can be switched off', () => {
    const exactOnly = createMatcher(ENTRIES, { fuzzy: false });
    const { mentions } = exactOnly.findMentions(segmentsOf(ON_TOPIC, 'Beigun said so.'));
    expect(mentions.some((m) => m.kind === 'fuzzy')).toBe(false);
  });
});

describe('precision rules', () => {
  it('accepts a surname when the full name is on the page (coreference)', () => {
    expect(marked('Stephen Biegun landed.', 'Later Biegun said talks would go on.')).toEqual([
      ['Stephen Biegun', 'stephen-biegun', 'exact'],
      ['Biegun', 'stephen-biegun', 'coreference'],
    ]);
  });

  it('gives a shared surname to the entry named in full on the page', () => {
    const mentions = find('Kim Yong-chol flew to New York.', 'Kim met the secretary of state.');
    expect(mentions.map((m) => [m.text, m.id, m.kind])).toEqual([
      ['Kim Yong-chol', 'kim-yong-chol', 'exact'],
      ['Kim', 'kim-yong-chol', 'coreference'],
    ]);
  });

  it('accepts an ambiguous alias on a page about the field', () => {
    expect(marked(ON_TOPIC, 'Biegun met officials in Pyongyang.')).toContainEqual([
      'Biegun',
      'stephen-biegun',
      'alias',
    ]);
  });

  it('leaves namesakes and everyday phrases unmarked on unrelated pages', () => {
    const page = [
      'Kim Kardashian and Stella Kim watched Kim Jong-hyun perform.',
      'Check the maximum pressure printed on the tyre wall before a summit ride.',
      'The cha-cha and the Cha-Cha-Cha are Cuban dances.',
    ];
    expect(marked(...page)).toEqual([]);
  });

  it('marks countries in the news of every kind only where the page names the field', () => {
    const oilStory = [
      'The United States tightened sanctions on Iran, ending waivers for Japan and South Korea.',
      'US officials said the campaign of pressure would go on.',
    ];
    expect(marked(...oilStory)).toEqual([]);
    expect(marked('North Korea fired a missile over Japan.').map(([, id]) => id)).toEqual([
      'north-korea',
      'japan',
    ]);
  });

  it('counts a page that names two entries of the field as on topic', () => {
    const page = ['John Bolton holds that only a grand bargain can work.', 'Pyongyang disagrees.'];
    expect(marked(...page)).toContainEqual(['grand bargain', 'go-big-approach', 'alias']);
    expect(marked('The United States, Japan and South Korea met.', 'A grand bargain?')).toEqual([]);
  });

  it('keeps namesakes unmarked even on a page about the field', () => {
    const mentions = find(ON_TOPIC, 'Kim Jong-un spoke.', 'Stella Kim and Kim Kardashian did not.');
    expect(mentions.filter((m) => m.text === 'Kim')).toEqual([]);
  });

  it('reads a headline in Title Case as a headline, not as a row of names', () => {
    const page = ['Biegun Meets Kim In Pyongyang', 'Stephen Biegun met Kim Jong-un on Monday.'];
    expect(marked(...page).slice(0, 3)).toEqual([
      ['Biegun', 'stephen-biegun', 'coreference'],
      ['Kim', 'kim-jong-un', 'coreference'],
      ['Pyongyang', 'pyongyang', 'exact'],
    ]);
  });

  it('accepts titles before a surname', () => {
    expect(marked('Victor Cha spoke.', 'Dr. Cha added a note.')).toContainEqual([
      'Cha',
      'victor-cha',
      'coreference',
    ]);
  });
});
