// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { collectSegments, runAt } from '../../entrypoints/content/collect-text.ts';

function collect(html: string) {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  return collectSegments(document.body);
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

  it('maps offsets back to the text nodes they came from', () => {
    const { segments, runs } = collect('<p>North <i>Korea</i> and Japan</p>');
    const seg = segments[0]!;
    const at = seg.offset + seg.text.indexOf('Korea');
    const run = runAt(runs, at)!;
    expect(run.node.data).toBe('Korea');
    expect(at - run.start).toBe(0);
    expect(runAt(runs, seg.offset + seg.text.length + 1)).toBeUndefined();
  });
});
