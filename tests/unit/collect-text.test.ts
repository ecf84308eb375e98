// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  collectSegments,
  createTextCollector,
  pieceIndexAt,
  textNodesOf,
  type CollectedText,
} from '../../entrypoints/content/collect-text.ts';

function load(html: string): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
}

function collect(html: string) {
  load(html);
  return collectSegments(document.body);
}

/** The text node and offset holding `at`, through the pieces as the content script does it. */
function textAt(text: CollectedText, at: number): { node: Text; offset: number } | undefined {
  const index = pieceIndexAt(text, at);
  const piece = index >= 0 ? textNodesOf(text, index) : null;
  if (!piece) return undefined;
  for (let k = piece.nodes.length - 1; k >= 0; k--) {
    if (piece.starts[k]! <= at) return { node: piece.nodes[k]!, offset: at - piece.starts[k]! };
  }
  return undefined;
}

// The rules, written as plainly as possible: every text node in document order outside skipped
// subtrees, grouped by its nearest non-inline ancestor, a <br> read as a line break. The
// collector reads most text a block at a time; what it gathers must be exactly this.
const INLINE =
  /^(a|abbr|acronym|b|bdi|bdo|big|cite|data|del|dfn|em|font|i|ins|label|mark|q|ruby|rb|rp|rt|s|small|span|strike|strong|sub|sup|time|tt|u|var|wbr)$/;
const SKIPPED =
  /^(script|style|noscript|template|textarea|input|select|option|code|pre|kbd|samp|svg|math|iframe|object|canvas|factlens-card)$/;

function reference(root: Node): Array<{ text: string; offset: number }> {
  const segments: Array<{ text: string; offset: number }> = [];
  let text = '';
  let start = 0;
  let block: Node | null | undefined;
  const flush = () => {
    if (text.trim()) segments.push({ text, offset: start });
    start += text.length + 1;
    text = '';
  };
  const skipped = (el: Element) =>
    SKIPPED.test(el.localName) ||
    el.getAttribute('aria-hidden') === 'true' ||
    (el.getAttribute('contenteditable') ?? 'false').toLowerCase() !== 'false';
  const visit = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const data = (c as Text).data;
        if (!data) continue;
        let b: Node | null = c.parentNode;
        while (b && b.nodeType === 1 && INLINE.test((b as Element).localName)) b = b.parentNode;
        if (b !== block) {
          if (text) flush();
          block = b;
        }
        text += data;
      } else if (c.nodeType === 1 && !skipped(c as Element)) {
        if ((c as Element).localName === 'br' && text) text += '\n';
        visit(c);
      }
    }
  };
  visit(root);
  if (text) flush();
  return segments;
}

describe('collecting page text', () => {
  it('joins a name split across inline tags or a line break, and keeps blocks apart', () => {
    const { segments } = collect(
      '<p>Special Representative <b>Steve</b> <a href="#">Biegun</a> said</p><p>Steve<br>Biegun</p><div>Victor</div><div>Cha</div>',
    );
    expect(segments.map((s) => s.text)).toEqual([
      'Special Representative Steve Biegun said',
      'Steve\nBiegun',
      'Victor',
      'Cha',
    ]);
    // Blocks never touch: a mention cannot span two of them.
    const [, , victor, cha] = segments;
    expect(cha!.offset).toBeGreaterThan(victor!.offset + victor!.text.length);
  });

  it('skips code, editable, hidden-from-assistive-tech and form text, and FactLens’ own host', () => {
    const { segments } = collect(`
      <p>Sohae</p><pre>Yongbyon</pre><p><code>Punggye-ri</code></p>
      <textarea>Biegun</textarea><div contenteditable="true">Bolton</div><div contenteditable="false">Pompeo</div>
      <div aria-hidden="true">Moon Jae-in</div><script>var s = "Kim Jong-un"</script>
      <factlens-card>Victor Cha</factlens-card>`);
    const text = segments.map((s) => s.text.trim()).filter(Boolean);
    expect(text).toEqual(['Sohae', 'Pompeo']);
  });

  it('skips what is skipped inside a paragraph, and blocks inside inline elements', () => {
    const { segments } = collect(
      '<p>Kim <span aria-hidden="true">(icon)</span>Jong-un <kbd>Ctrl</kbd> met <em contenteditable>x</em>Trump</p>' +
        '<p>Before <a href="#"><div>inside</div></a> after</p>' +
        '<p>A flag <img src="x.png" alt=""> between words</p>',
    );
    expect(segments.map((s) => s.text)).toEqual([
      'Kim Jong-un  met Trump',
      'Before ',
      'inside',
      ' after',
      'A flag  between words',
    ]);
  });

  it('gathers exactly what a plain walk over every text node gathers', () => {
    const pages = [
      '<header><div>Brand</div><nav><a href="/">World</a> <a href="/p">Politics</a></nav></header>' +
        '<main><article><h2><a href="#">Hanoi <i>Summit</i></a></h2><p class="byline">By <a>Ana</a> · <time>1 March</time></p>' +
        '<p>Stephen <b>Biegun</b> met <em>Kim Hyok-chol</em>.</p><p>Line<br>break <span>and <br> more</span></p></article></main>',
      'loose text <div>block <span>inline <p>nested block</p> tail</span> end</div> after <!-- c --> done',
      '<ul><li>One <b>two</b></li><li><p>Three</p> four <code>no</code> five</li></ul><table><tr><td>Cell <i>a</i></td><td>b</td></tr></table>',
      '<div><br>leading break</div><p>x</p><div>y<br></div><section aria-hidden="false">shown <u aria-hidden="true">hidden</u></section>',
      '<p></p><p> </p><div><span></span></div><p>end <wbr>word <hr> after rule</p><custom-el>custom <b>text</b></custom-el>',
      // Deep inline nesting with a break or a skipped element far inside, and attribute cases.
      '<p>Kim <span contenteditable="FALSE">Jong</span>-un <b><img alt=""><i>deep <samp>s</samp> x</i></b> y</p>' +
        '<div><span><em><u>deep<br>er</u></em></span> <a><b><i>flat</i></b></a></div>' +
        '<p><span><span><span aria-hidden="TRUE">kept</span> <kbd>k</kbd></span></span> end</p>',
    ];
    for (const html of pages) {
      load(html);
      const collected = collectSegments(document.body);
      expect(collected.segments).toEqual(reference(document.body));
      // Every character maps back to the text node it came from.
      for (const s of collected.segments) {
        for (let k = 0; k < s.text.length; k++) {
          const found = textAt(collected, s.offset + k);
          if (s.text[k] === '\n' && !found) continue;
          expect(found?.node.data[found.offset]).toBe(s.text[k]);
        }
      }
    }
  });

  it('gives the same text in small steps as in one go', () => {
    load(
      Array.from(
        { length: 60 },
        (_, i) =>
          `<div><p>Para ${i} <a href="#">link</a></p>text ${i}<br><span>s<i>${i}</i></span></div>`,
      ).join(''),
    );
    const whole = collectSegments(document.body);
    const collector = createTextCollector(document.body);
    let steps = 0;
    while (!collector.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(3);
    expect(collector.result.segments).toEqual(whole.segments);
    expect(collector.result.starts).toEqual(whole.starts);
  });

  it('maps offsets back to the text nodes they came from', () => {
    const text = collect('<p>North <i>Korea</i> and Japan</p>');
    const seg = text.segments[0]!;
    const at = seg.offset + seg.text.indexOf('Korea');
    const found = textAt(text, at)!;
    expect(found.node.data).toBe('Korea');
    expect(found.offset).toBe(0);
    expect(pieceIndexAt(text, seg.offset + seg.text.length + 1)).toBe(-1);
  });

  it('finds no text nodes for a piece whose text has changed since', () => {
    const text = collect('<p>North <i>Korea</i> and Japan</p>');
    document.querySelector('i')!.textContent = 'Korean';
    expect(textNodesOf(text, pieceIndexAt(text, text.segments[0]!.offset))).toBeNull();
  });
});
