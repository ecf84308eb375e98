// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX } from '../../data/index.ts';
import { PageText, type PieceCache } from '../../entrypoints/content/page-text.ts';
import { createMatcher, type Matcher } from '../../utils/matcher.ts';

// Found by tests/e2e/hostile/huge.test.ts: the matching half of a scan chose its slice by reading
// the clock before doing any work (so one slice matched the whole page: 60–270 ms tasks), and a
// single long text node was matched in one piece (170 ms for 5 MB).

const SENT =
  'Special Representative Stephen Biegun met Choe Son-hui before the Hanoi Summit, where Kim Jong-un and Donald Trump failed to agree on Yongbyon. ';
const FILL = 'The committee reviewed the quarterly figures and agreed to revisit the schedule. ';

beforeAll(() => {
  // happy-dom has no StaticRange; placing mentions only needs something to hold the offsets.
  const g = globalThis as unknown as { StaticRange?: unknown };
  g.StaticRange ??= class {
    constructor(readonly init: StaticRangeInit) {}
  };
});

function pageWith(texts: string[]): void {
  document.body.replaceChildren(
    ...texts.map((t) => {
      const p = document.createElement('p');
      p.textContent = t;
      return p;
    }),
  );
}

const noWait = () => Promise.resolve();

describe('scanning a page in slices', () => {
  const matcher = createMatcher(INDEX.entries);

  it('finds in one long text node exactly what one pass over it finds, seams included', async () => {
    // ~300 KB, with the sentence at uneven distances so that some straddle every kind of seam.
    let text = '';
    for (let i = 0; text.length < 300_000; i++) text += i % 37 === 0 ? SENT : FILL;
    pageWith([text]);
    const page = new PageText(matcher);
    await page.scan(document.body, noWait);
    const sliced = page.resolve().mentions.map((m) => [m.id, m.start, m.end]);
    const whole = matcher.findMentions([{ text, offset: 0 }]).mentions;
    expect(sliced).toEqual(whole.map((m) => [m.id, m.start, m.end]));
    expect(sliced.filter(([id]) => id === 'stephen-biegun')).toHaveLength(
      text.split('Stephen Biegun').length - 1,
    );
    expect(page.place(page.resolve().mentions)).toHaveLength(sliced.length);
  });

  it('places mentions in batches (one refresh over several tasks) exactly as all at once', async () => {
    // Names split over inline tags, so that pieces hold several text nodes each.
    const html = Array.from(
      { length: 40 },
      (_, i) =>
        `<p>Envoy <b>Stephen</b> Biegun, ${i}, met <a href="#">Kim Yong-chol</a> in Hanoi. ${FILL}</p>`,
    ).join('');
    const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    document.body.replaceChildren(...parsed.body.childNodes);
    const page = new PageText(matcher);
    await page.scan(document.body, noWait);
    const mentions = page.resolve().mentions;
    expect(mentions.length).toBeGreaterThan(80);
    const shape = (placed: ReturnType<PageText['place']>) =>
      placed.map((m) => {
        const init = (m.range as unknown as { init: StaticRangeInit }).init;
        return [m.id, init.startContainer, init.startOffset, init.endContainer, init.endOffset];
      });
    const whole = shape(page.place(mentions));
    const cache: PieceCache = new Map();
    const batched: ReturnType<PageText['place']> = [];
    for (let from = 0; from < mentions.length; from += 7) {
      batched.push(...page.place(mentions.slice(from, from + 7), cache));
    }
    expect(shape(batched)).toEqual(whole);
    expect(whole).toHaveLength(mentions.length);
  });

  it('gives the thread back once a slice’s matching work has taken its time', async () => {
    // A clock that moves only while matching, 1 ms per 4,000 characters: 1,000 blocks of ~500
    // characters are ~120 ms of work.
    let clock = 0;
    const slow: Matcher = {
      ...matcher,
      scanSegments: (segments, first) => {
        for (const s of segments) clock += s.text.length / 4000;
        return matcher.scanSegments(segments, first);
      },
    };
    pageWith(Array.from({ length: 1000 }, (_, i) => (i % 10 ? FILL : SENT).repeat(5)));
    const page = new PageText(slow, () => clock);
    let yields = 0;
    await page.scan(document.body, () => {
      yields++;
      return Promise.resolve();
    });
    // ~120 ms of work in slices of a few ms: many slices, not one.
    expect(yields).toBeGreaterThan(10);
    expect(page.resolve().mentions.filter((m) => m.id === 'stephen-biegun')).toHaveLength(500);
  });
});

describe('early results', () => {
  const matcher = createMatcher(INDEX.entries);

  it('shows what a long scan has found so far once, and nothing early for a short one', async () => {
    pageWith(Array.from({ length: 400 }, (_, i) => (i % 10 ? FILL : SENT).repeat(3)));
    let clock = 0;
    const long = new PageText(matcher, () => (clock += 2));
    let early = 0;
    let found = 0;
    await long.scan(
      document.body,
      () => Promise.resolve(),
      () => {
        early++;
        found = long.resolve().mentions.length;
      },
    );
    expect(early).toBe(1);
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(long.resolve().mentions.length);

    pageWith([SENT]);
    const short = new PageText(matcher, () => (clock += 0.5));
    let shortEarly = 0;
    await short.scan(
      document.body,
      () => Promise.resolve(),
      () => shortEarly++,
    );
    expect(shortEarly).toBe(0);
  });
});

describe('rescans while a scan runs', () => {
  const matcher = createMatcher(INDEX.entries);

  it('waits for the running scan, then finds each mention once', async () => {
    // A clock that moves 1 ms per call: every slice ends after a few steps.
    let clock = 0;
    pageWith(Array.from({ length: 200 }, (_, i) => (i % 10 ? FILL : SENT).repeat(3)));
    const page = new PageText(matcher, () => clock++);
    let turns = 0;
    let rescanned: Promise<number> | undefined;
    const changed = document.body.children[51]!;
    const scanned = page.scan(document.body, () => {
      // The page changes a paragraph while the first scan is under way.
      if (++turns === 2) {
        changed.textContent = SENT;
        rescanned = page.rescan([changed], () => Promise.resolve());
      }
      return Promise.resolve();
    });
    await scanned;
    expect(rescanned).toBeDefined();
    await rescanned;
    const mentions = page.resolve().mentions.filter((m) => m.id === 'stephen-biegun');
    // 20 paragraphs with the sentence three times, plus the changed one.
    expect(mentions).toHaveLength(61);
    expect(new Set(mentions.map((m) => m.start)).size).toBe(61);
    expect(page.place(mentions)).toHaveLength(61);
  });

  it('rescans many changed blocks a slice at a time, not all in one task', async () => {
    pageWith(Array.from({ length: 300 }, (_, i) => (i % 10 ? FILL : SENT)));
    let clock = 0;
    const page = new PageText(matcher, () => (clock += 0.05));
    await page.scan(document.body, () => Promise.resolve());
    const roots = [...document.body.children];
    let turns = 0;
    const work = await page.rescan(roots, () => {
      turns++;
      return Promise.resolve();
    });
    expect(turns).toBeGreaterThan(3);
    expect(work).toBeGreaterThan(0);
    expect(page.resolve().mentions.filter((m) => m.id === 'stephen-biegun')).toHaveLength(30);
  });

  it('stops a cancelled scan at its next slice', async () => {
    let clock = 0;
    pageWith(Array.from({ length: 400 }, () => FILL.repeat(4)));
    const page = new PageText(matcher, () => (clock += 2));
    let turns = 0;
    await page.scan(document.body, () => {
      if (++turns === 3) page.cancel();
      return Promise.resolve();
    });
    expect(turns).toBe(3);
  });
});
