/**
 * A small dataset of its own for the matcher's unit tests, so they test the rules rather than the
 * curated entries. An alias ending in "*" is flagged ambiguous.
 */
import { createMatcher } from '../../../utils/matcher.ts';
import type { MatchableEntry, Mention, TextSegment } from '../../../utils/types.ts';

function entry(
  id: string,
  name: string,
  aliases: string[],
  related: string[] = [],
  more: Pick<MatchableEntry, 'category' | 'general'> = {},
): MatchableEntry {
  const defs = aliases.map((text) => ({
    text: text.replace(/\*$/, ''),
    ambiguous: text.endsWith('*'),
  }));
  return { id, name, aliases: defs, related, ...more };
}

/** A country in the news of every kind. */
const general = { category: 'place', general: true } as const;

export const ENTRIES: MatchableEntry[] = [
  entry(
    'stephen-biegun',
    'Stephen Biegun',
    ['Steve Biegun', 'Special Representative Steve Biegun', 'Biegun*'],
    ['hanoi-summit', 'kim-jong-un'],
  ),
  entry('kim-jong-un', 'Kim Jong-un', ['Kim Jong Un', 'Kim*'], ['north-korea', 'hanoi-summit']),
  entry('kim-yong-chol', 'Kim Yong-chol', ['Kim*'], ['north-korea']),
  entry('victor-cha', 'Victor Cha', ['Cha*'], ['csis']),
  entry('csis', 'Center for Strategic and International Studies', ['CSIS']),
  entry('kcna', 'Korean Central News Agency', ['KCNA'], ['north-korea']),
  entry('icbm', 'Intercontinental ballistic missile', ['ICBM'], ['north-korea']),
  entry('north-korea', 'North Korea', ['DPRK'], [], { category: 'place' }),
  entry('hanoi-summit', 'Hanoi Summit', ['summit*'], ['kim-jong-un']),
  entry('maximum-pressure', 'Maximum pressure', ['maximum pressure*'], ['north-korea']),
  entry('sohae', 'Sohae Satellite Launching Station', ['Sohae'], ['north-korea']),
  entry('joseph-bermudez', 'Joseph Bermudez', ['Bermudez*'], ['csis']),
  entry('choe-son-hui', 'Choe Son-hui', ['Choe Son Hui'], ['north-korea']),
  entry('pyongyang', 'Pyongyang', [], ['north-korea'], { category: 'place' }),
  entry('john-bolton', 'John Bolton', ['Bolton*'], ['go-big-approach']),
  entry('go-big-approach', 'Go-big approach', ['grand bargain*'], ['john-bolton']),
  entry('united-states', 'United States', ['US'], [], general),
  entry('japan', 'Japan', [], [], general),
  entry('south-korea', 'South Korea', [], [], general),
];

export const matcher = createMatcher(ENTRIES);

/** A paragraph that makes any page on topic. */
export const ON_TOPIC = 'North Korea, Pyongyang and KCNA were in the news again.';

/** Paragraphs laid end to end with a one-character gap, as the content script does. */
export function segmentsOf(...paragraphs: string[]): TextSegment[] {
  let offset = 0;
  return paragraphs.map((text) => {
    const segment = { text, offset };
    offset += text.length + 1;
    return segment;
  });
}

export function find(...paragraphs: string[]): Mention[] {
  return matcher.findMentions(segmentsOf(...paragraphs)).mentions;
}

/** What a reader sees marked: surface text, entry and how it matched. */
export function marked(...paragraphs: string[]): string[][] {
  return find(...paragraphs).map((m) => [m.text, m.id, m.kind]);
}
