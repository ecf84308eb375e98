// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX } from '../../data/index.ts';
import { MentionIndex } from '../../entrypoints/content/mention-index.ts';
import { PageText } from '../../entrypoints/content/page-text.ts';
import { createMatcher } from '../../utils/matcher.ts';

beforeAll(() => {
  // happy-dom has no StaticRange; placing mentions only needs something to hold the offsets.
  const g = globalThis as unknown as { StaticRange?: unknown };
  g.StaticRange ??= class {
    constructor(readonly init: StaticRangeInit) {}
    get startContainer(): Node {
      return this.init.startContainer;
    }
    get startOffset(): number {
      return this.init.startOffset;
    }
  };
});

async function indexOf(html: string): Promise<MentionIndex> {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  const page = new PageText(createMatcher(INDEX.entries));
  await page.scan(document.body, () => Promise.resolve());
  return new MentionIndex(page.place(page.resolve().mentions));
}

describe('mentions by the element their text sits in (the hover hit-test)', () => {
  it('lists a mention under each element holding part of its text, once, in reading order', async () => {
    const index = await indexOf(
      '<p id="a">Special Representative <b id="b">Stephen</b> Biegun flew in. Sohae was discussed, and Sohae again.</p><p id="c">Nothing to see here.</p>',
    );
    const a = document.getElementById('a');
    const b = document.getElementById('b');
    const inA = index.inElement(a);
    const inB = index.inElement(b);
    expect(inA?.element).toBe(a);
    expect(inA?.mentions.map((m) => m.id)).toEqual([
      'stephen-biegun',
      'sohae-satellite-launching-station',
      'sohae-satellite-launching-station',
    ]);
    // "Stephen" is in <b>, "Biegun" in <p>: the same mention object under both.
    expect(inB?.mentions).toEqual([inA?.mentions[0]]);
    expect(index.inElement(document.getElementById('c'))).toBeUndefined();
    expect(index.inElement(null)).toBeUndefined();
    expect([...index.elements()].map((e) => e.element)).toEqual(expect.arrayContaining([a, b]));
  });
});
