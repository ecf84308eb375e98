/**
 * The real dataset, tested like code: it compiles cleanly and reproducibly, quotes its source
 * verbatim, covers every term the source article names, and flags what needs evidence.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDatasetFiles } from '../../scripts/build-data.ts';
import { compileDataset, serializeIndex, type CompiledEntry } from '../../utils/dataset/compile.ts';
import { formatProblem } from '../../utils/dataset/problems.ts';
import { parseSourceFile } from '../../utils/dataset/source-file.ts';
import { compileMatcherIndex, createMatcher } from '../../utils/matcher.ts';
import { normalize } from '../../utils/normalize.ts';

const SOURCE = 'hemmings-hanoi-what-next';
// SHA-256 of ../shared/seeds/000_cedba80bacaf191a.txt, the article as published.
const SEED_SHA256 = '5e7d86b59848cc85ac16b4fcbfe6cb99c4f97c2cb1c9030094565db98a8e4cfa';

const files = loadDatasetFiles('data');
const tools = { createMatcher, aliasKey: normalize, compileMatcherIndex };
const outcome = compileDataset(files, tools);
const entries = outcome.index?.entries ?? [];
const byId = new Map(entries.map((entry) => [entry.id, entry]));
const entry = (id: string): CompiledEntry => {
  const found = byId.get(id);
  if (!found) throw new Error(`no entry "${id}"`);
  return found;
};
const sourceFile = files.sources.find((file) => file.path.endsWith(`${SOURCE}.md`));
const body = (sourceFile && parseSourceFile(sourceFile).source?.body) ?? '';

// The list of what the article names; each must be quoted from it.
const ARTICLE_TERMS = (
  'hanoi-summit kim-jong-un donald-trump trump-administration stephen-biegun ' +
  'maximum-pressure step-by-step-approach go-big-approach ' +
  'sohae-satellite-launching-station rail-mounted-transfer-structure ' +
  'vertical-engine-test-stand commercial-satellite-imagery csis victor-cha ' +
  'joseph-bermudez provocation-cycle sanctions economic-blockade unilateral-disarmament ' +
  'north-korea south-korea japan united-states henry-jackson-society john-hemmings ' +
  'asia-studies-centre hjs-three-scenario-report'
).split(' ');
// The kin of those terms, which readers meet beside them.
const KIN = (
  'singapore-summit yongbyon punggye-ri mike-pompeo john-bolton moon-jae-in kim-yong-chol ' +
  'choe-son-hui panmunjom cvid ffvd icbm hwasong-missiles kcna pyongyang beyond-parallel ' +
  '38-north'
).split(' ');

describe('the dataset builds', () => {
  it('without problems', () => {
    expect(outcome.problems.map(formatProblem)).toEqual([]);
  });

  it('to exactly the bundled data/generated/index.json (run `npm run data` after editing)', () => {
    const bundled = readFileSync('data/generated/index.json', 'utf8');
    expect(outcome.index && serializeIndex(outcome.index) === bundled).toBe(true);
  });

  it('to the same bytes whatever order the files are read in', () => {
    const shuffled = compileDataset(
      {
        sources: [...files.sources].reverse(),
        entries: [...files.entries.slice(7), ...files.entries.slice(0, 7)].reverse(),
      },
      tools,
    );
    expect(
      shuffled.index &&
        outcome.index &&
        serializeIndex(shuffled.index) === serializeIndex(outcome.index),
    ).toBe(true);
  });

  it('within the budget of about 80 KB added to the content script', () => {
    expect(Buffer.byteLength(outcome.index ? serializeIndex(outcome.index) : '')).toBeLessThan(
      80 * 1024,
    );
  });
});

describe('the source article', () => {
  it('is the published text, byte for byte', () => {
    expect(createHash('sha256').update(body, 'utf8').digest('hex')).toBe(SEED_SHA256);
  });

  it('carries what is known of its publication, and nothing invented', () => {
    expect(outcome.index?.sources).toEqual([
      {
        id: SOURCE,
        title:
          'The Hanoi Summit – We Asked John Hemmings What Happens Next in U.S.-North Korea Relations',
        author: 'John Hemmings',
        authorRole:
          'Director of the Asia Studies Centre at the Henry Jackson Society and an adjunct fellow at the Centre for Strategic and International Studies',
        publication: 'The National Interest',
        date: '2019-03',
        series: 'The Hanoi Summit – We Asked … What Happens Next in U.S.-North Korea Relations',
      },
    ]);
  });
});

describe('entries', () => {
  it('are listed by id, each file named after its id', () => {
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
    const fileIds = files.entries.map((file) => file.path.replace(/^.*\/|\.json$/g, ''));
    expect([...fileIds].sort()).toEqual(ids);
    for (const file of files.entries) {
      expect((JSON.parse(file.text) as { id: string }).id, file.path).toBe(
        file.path.replace(/^.*\/|\.json$/g, ''),
      );
    }
  });

  it('include every term the issue lists and its kin', () => {
    expect([...ARTICLE_TERMS, 'denuclearization', ...KIN].filter((id) => !byId.has(id))).toEqual(
      [],
    );
  });

  it('relate only to entries that exist, never to themselves, and never to nothing', () => {
    for (const e of entries) {
      expect(e.related.length, e.id).toBeGreaterThan(0);
      expect(
        e.related.filter((id) => !byId.has(id) || id === e.id),
        e.id,
      ).toEqual([]);
    }
  });

  it('tie each kin to a term the article names', () => {
    for (const id of KIN) {
      const linked = entries.filter(
        (e) =>
          e.contexts.length > 0 && (e.related.includes(id) || entry(id).related.includes(e.id)),
      );
      expect(linked.length, id).toBeGreaterThan(0);
    }
  });

  it('say when the article does not mention them, and point at related entries it does', () => {
    for (const e of entries) {
      if (e.contexts.length > 0) {
        expect(e.absentNote, e.id).toBeUndefined();
        continue;
      }
      expect(e.absentNote, e.id).toMatch(/^Not (mentioned|named) in the article/);
      expect(
        e.related.some((id) => entry(id).contexts.length > 0),
        e.id,
      ).toBe(true);
    }
    expect(entry('denuclearization').absentNote).toContain('unilateral disarmament');
  });
});

describe('context sentences', () => {
  it('quote every term the issue lists from the article', () => {
    const unquoted = ARTICLE_TERMS.filter(
      (id) => !entry(id).contexts.some((c) => c.source === SOURCE),
    );
    expect(unquoted).toEqual([]);
  });

  it('are whole sentences, verbatim from the source', () => {
    const paragraphs = body.split('\n').filter((line) => line.trim() !== '');
    for (const e of entries) {
      for (const context of e.contexts) {
        expect(context.source).toBe(SOURCE);
        expect(paragraphs[context.paragraph - 1], e.id).toContain(context.text);
      }
    }
  });

  it('emphasise the words that name the entry, in order and within the sentence', () => {
    for (const e of entries) {
      const forms = new Set([e.name, ...e.aliases.map((alias) => alias.text)].map(normalize));
      for (const { text, marks } of e.contexts) {
        expect(marks.length, `${e.id}: ${text}`).toBeGreaterThan(0);
        let previousEnd = 0;
        for (const [start, end] of marks) {
          expect(
            start >= previousEnd && end <= text.length && start < end,
            `${e.id}: ${text}`,
          ).toBe(true);
          expect([...forms], `${e.id} marks "${text.slice(start, end)}"`).toContain(
            normalize(text.slice(start, end)),
          );
          previousEnd = end;
        }
      }
    }
  });

  it('lead with the pinned sentence, then follow the article', () => {
    for (const file of files.entries) {
      const { id, pin } = JSON.parse(file.text) as { id: string; pin?: string };
      const contexts = entry(id).contexts;
      if (pin !== undefined) expect(contexts[0]?.text, id).toBe(pin);
      const rest = pin === undefined ? contexts : contexts.slice(1);
      const positions = rest.map((c) => body.indexOf(c.text));
      expect(positions, id).toEqual([...positions].sort((a, b) => a - b));
    }
  });
});

/** Lines of a page as matcher segments, in one offset space. */
function pageSegments(lines: readonly string[]): Array<{ text: string; offset: number }> {
  let offset = 0;
  return lines.map((text) => {
    const segment = { text, offset };
    offset += text.length + 1;
    return segment;
  });
}

/** "id=alias | id=alias" → pairs: tables a reader can scan. */
const pairs = (table: string): Array<[string, string]> =>
  table.split(' | ').map((pair) => pair.split('=') as [string, string]);

describe('aliases', () => {
  it('flag surnames and everyday phrases as ambiguous alone', () => {
    const ambiguous = pairs(
      'stephen-biegun=Biegun | victor-cha=Cha | joseph-bermudez=Bermudez | kim-jong-un=Kim | ' +
        'kim-yong-chol=Kim | moon-jae-in=Moon | donald-trump=Trump | mike-pompeo=Pompeo | ' +
        'john-bolton=Bolton | john-hemmings=Hemmings | maximum-pressure=maximum pressure | ' +
        'go-big-approach=go big | hanoi-summit=summit | singapore-summit=summit | ' +
        'step-by-step-approach=step by step | sanctions=sanctions | csis=CSIS',
    );
    const unflagged = ambiguous.filter(
      ([id, text]) => entry(id).aliases.find((alias) => alias.text === text)?.ambiguous !== true,
    );
    expect(unflagged).toEqual([]);
  });

  it('give Korean names and places in Korean script', () => {
    const korean = (
      'kim-jong-un kim-yong-chol choe-son-hui moon-jae-in north-korea south-korea pyongyang ' +
      'panmunjom yongbyon punggye-ri sohae-satellite-launching-station kcna'
    ).split(' ');
    const hangul = /\p{Script=Hangul}/u;
    expect(korean.filter((id) => !entry(id).aliases.some((a) => hangul.test(a.text)))).toEqual([]);
  });

  it('find their entry in the spellings a reader meets', () => {
    const variants = pairs(
      'kim-jong-un=Kim Jong Un | choe-son-hui=Choe Son Hui | choe-son-hui=Choi Son-hui | ' +
        'sohae-satellite-launching-station=Tongchang-ri | ' +
        'sohae-satellite-launching-station=Tongchang-dong | ' +
        'sohae-satellite-launching-station=Seohae | ' +
        'sohae-satellite-launching-station=West Sea Satellite Launching Ground | ' +
        'stephen-biegun=Steve Biegun | ffvd=final, fully verified denuclearization | ffvd=FFVD | ' +
        'cvid=CVID | csis=CSIS | csis=Centre for Strategic and International Studies | ' +
        'kcna=KCNA | icbm=ICBMs | hwasong-missiles=Hwasong-15 | punggye-ri=Punggye-ri | ' +
        'yongbyon=Yongbyon | panmunjom=Panmunjom | moon-jae-in=Moon Jae-in | north-korea=DPRK',
    );
    const page = pageSegments(variants.map(([, text]) => `Reports named ${text} again this week.`));
    const { mentions } = createMatcher(entries).findMentions(page);
    const missed = variants.filter(
      ([id, text]) => !mentions.some((m) => m.id === id && m.text === text),
    );
    expect(missed).toEqual([]);
  });

  it('leave everyday language unmarked on a page about something else', () => {
    const page = pageSegments([
      'Set the tyre to its maximum pressure before the ride.',
      'Go big or go home, the coach said, step by step.',
      'Kim Kardashian reached the summit of the charts; Moon landing films are back.',
    ]);
    expect(createMatcher(entries).findMentions(page).mentions).toEqual([]);
  });
});
