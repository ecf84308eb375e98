/**
 * The bench's pages, generated deterministically (seeded) so runs compare: a ~20 KB article on
 * topic (the source article, then more of the same kind) and a ~1 MB news page where a few hundred
 * mentions, some with typos, sit among ordinary news about everything else.
 */
import { readFileSync } from 'node:fs';
import type { TextSegment } from '../../utils/types.ts';

const SOURCE_ARTICLE = new URL('../../data/sources/hemmings-hanoi-what-next.md', import.meta.url);

/** A small seeded generator (mulberry32): the same pages on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

const SUBJECTS = [
  'The city council',
  'Local officials',
  'The central bank',
  'A spokesperson for the company',
  'Researchers at the university',
  'The national weather service',
  'Several economists',
  'The coach',
  'Shareholders',
  'The health ministry',
  'Residents of the district',
  'The opposition party',
  'Organisers of the festival',
  'The transport authority',
  'Analysts at the brokerage',
  'The school board',
  'Emergency crews',
  'The museum director',
  'Farmers in the valley',
  'The regulator',
  'A panel of judges',
  'The airline',
];
const VERBS = [
  'announced',
  'warned about',
  'approved',
  'postponed',
  'criticised',
  'welcomed',
  'reviewed',
  'questioned',
  'outlined',
  'defended',
  'rejected',
  'proposed',
  'described',
  'celebrated',
  'investigated',
  'expanded',
  'delayed',
  'confirmed',
];
const OBJECTS = [
  'a new budget for public housing',
  'the plan to widen the motorway',
  'plans for a second terminal',
  'the quarterly earnings report',
  'a study on sleep and memory',
  'the proposal to extend opening hours',
  'changes to the pension scheme',
  'the recycling programme',
  'an agreement on fishing quotas',
  'the timetable for the new tram line',
  'a review of water prices',
  'the results of the local election',
  'a scheme to plant ten thousand trees',
  'the merger of two regional hospitals',
  'new rules for short-term rentals',
  'the tournament schedule',
  'a vaccine trial in older adults',
  'the renovation of the old library',
  'tax credits for electric vehicles',
  'the harvest forecast',
];
const ADJUNCTS = [
  'on Tuesday',
  'after months of debate',
  'despite strong objections',
  'in a statement released late on Friday',
  'amid rising costs',
  'ahead of the holiday weekend',
  'following a public consultation',
  'for the third year running',
  'during a crowded meeting',
  'according to figures published this week',
  'as temperatures climbed',
  'before the markets opened',
  'in front of reporters',
];
const CLOSERS = [
  'Critics said the decision came too late.',
  'Further details are expected next month.',
  'Prices rose by two percent over the year.',
  'The measure passed with a narrow majority.',
  'Attendance was higher than in previous seasons.',
  'Traffic was diverted for several hours.',
  'Experts cautioned that the data remain preliminary.',
  'The final whistle came after a tense second half.',
  'Tickets sold out within minutes.',
];

/** Sentences on topic, with the spellings and typos readers meet. */
const ON_TOPIC = [
  'Special Representative Stephen Biegun met North Korean officials in Pyongyang to prepare the Hanoi summit.',
  'Biegun later told reporters that the step-by-step approach was not the only option.',
  'Kim Jong Un arrived by train, and Kim spoke briefly with Donald Trump before the talks.',
  'Satellite images studied by Victor Cha and Joseph Bermudez showed work at the Sohae launch facility.',
  'The Center for Strategic and International Studies published the imagery on its Beyond Parallel site.',
  'Mike Pompeo said sanctions on North Korea would stay until final, fully verified denuclearization.',
  'KCNA said the Yongbyon nuclear complex would be dismantled in exchange for sanctions relief.',
  'John Bolton urged a return to maximum pressure after the summit collapsed.',
  "Moon Jae-in hoped Pyongyang's offer on Yongbyon could revive talks at Panmunjom.",
  'Analysts at 38 North reported new activity at Punggye-ri and at Tongchang-ri.',
  'Choe Son-hui told reporters that the United States had wasted a golden opportunity.',
  'The Trump administration favoured a go-big approach over incremental steps.',
  'An ICBM test would end the moratorium and restart the provocation cycle.',
  'Kim Yong-chol carried a letter from Kim Jong-un to the White House.',
  'Beigun insisted that CVID remained the goal of the United States.',
  'Work resumed at Sohea within days, according to the imagery.',
  'Kim Jung Un has not commented on the breakdown in Hanoi.',
  'The report by Bermudes and Cha described the rail-mounted transfer structure.',
  'Steven Biegun and Choi Son Hui held working-level talks before the summit.',
];

function sentence(random: () => number): string {
  if (random() < 0.2) return pick(random, CLOSERS);
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, ADJUNCTS)}.`;
}

function paragraph(random: () => number, onTopicShare: number): string {
  const sentences: string[] = [];
  const length = 3 + Math.floor(random() * 4);
  for (let k = 0; k < length; k++) {
    sentences.push(random() < onTopicShare ? pick(random, ON_TOPIC) : sentence(random));
  }
  return sentences.join(' ');
}

function toSegments(paragraphs: readonly string[]): TextSegment[] {
  let offset = 0;
  return paragraphs.map((text) => {
    const segment = { text, offset };
    offset += text.length + 1;
    return segment;
  });
}

/** The body of the source article, one paragraph per line. */
export function sourceArticleParagraphs(): string[] {
  const file = readFileSync(SOURCE_ARTICLE, 'utf8');
  const body = file.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body.split('\n').filter((line) => line.trim() !== '');
}

/** About 20 KB: the source article followed by on-topic reporting. */
export function demoArticle(): TextSegment[] {
  const random = seededRandom(20);
  const paragraphs = sourceArticleParagraphs();
  let size = paragraphs.join('\n').length;
  while (size < 20_000) {
    const next = paragraph(random, 0.45);
    paragraphs.push(next);
    size += next.length + 1;
  }
  return toSegments(paragraphs);
}

/** About 1 MB of mostly unrelated news with a few hundred mentions (and typos) scattered in. */
export function newsPage(bytes = 1_000_000): TextSegment[] {
  const random = seededRandom(1);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const next = paragraph(random, 0.012);
    paragraphs.push(next);
    size += next.length + 1;
  }
  return toSegments(paragraphs);
}

export function textSize(segments: readonly TextSegment[]): number {
  return segments.reduce((sum, segment) => sum + segment.text.length, 0);
}
