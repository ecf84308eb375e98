// @vitest-environment happy-dom
import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card, type CardProps } from '../../../components/Card.tsx';
import { INDEX } from '../../../data/index.ts';

const entry = (id: string) => INDEX.entries.find((e) => e.id === id)!;

function mount(overrides: Partial<CardProps> = {}) {
  const biegun = entry('stephen-biegun');
  const props: CardProps = {
    entry: biegun,
    sources: new Map(INDEX.sources.map((s) => [s.id, s])),
    related: biegun.related.map((id) => ({ id, name: entry(id).name })),
    mention: { text: 'Steve Biegun', kind: 'alias', alias: 'Steve Biegun' },
    position: { index: 0, total: 3 },
    notice: null,
    headingId: 'h',
    onRelated: vi.fn(),
    onStep: vi.fn(),
    onIgnoreEntry: vi.fn(),
    onTurnOffSite: vi.fn(),
    onUndo: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  render(<Card {...props} />, root);
  return { root, props };
}

const button = (root: HTMLElement, label: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof label === 'string'
      ? (b.getAttribute('aria-label') ?? b.textContent) === label
      : label.test(b.textContent ?? ''),
  )!;

afterEach(() => document.body.replaceChildren());

describe('the card', () => {
  it('is a labelled dialog naming the entry, with the article quoted and attributed', () => {
    const { root } = mount();
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('data-entry-id')).toBe('stephen-biegun');
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)!.textContent).toBe(
      'Stephen Biegun',
    );
    expect(root.querySelector('mark')!.textContent).toBe('Special Representative Steve Biegun');
    expect(root.querySelector('figcaption')!.textContent).toContain(
      'John Hemmings, The National Interest, March 2019',
    );
    expect(root.textContent).toContain('3 mentions on this page');
    expect(root.querySelector('[data-testid="match-note"]')).toBeNull();
  });

  it('says how it matched a misspelling, and what it knows of an entry the article never names', () => {
    const { root } = mount({
      entry: entry('cvid'),
      mention: { text: 'CVID', kind: 'alias', alias: 'CVID' },
    });
    expect(root.textContent).toContain('Not mentioned in the article');
    const typo = mount({ mention: { text: 'Beigun', kind: 'fuzzy', alias: 'Biegun' } });
    expect(typo.root.querySelector('[data-testid="match-note"]')!.textContent).toContain(
      '“Beigun”',
    );
  });

  it('calls back for related entries, stepping, the two actions, undo and close', () => {
    const { root, props } = mount();
    button(root, 'Mike Pompeo').click();
    expect(props.onRelated).toHaveBeenCalledWith('mike-pompeo');
    button(root, 'Next mention').click();
    button(root, 'Previous mention').click();
    expect(props.onStep).toHaveBeenNthCalledWith(1, 1);
    expect(props.onStep).toHaveBeenNthCalledWith(2, -1);
    button(root, /Don’t highlight/).click();
    button(root, /Turn off on this site/).click();
    button(root, 'Close').click();
    expect(props.onIgnoreEntry).toHaveBeenCalledOnce();
    expect(props.onTurnOffSite).toHaveBeenCalledOnce();
    expect(props.onClose).toHaveBeenCalledOnce();

    const undone = mount({ notice: 'FactLens won’t highlight “Stephen Biegun”.' });
    expect(undone.root.querySelector('[role="status"]')!.textContent).toContain('won’t highlight');
    button(undone.root, 'Undo').click();
    expect(undone.props.onUndo).toHaveBeenCalledOnce();
  });

  it('has no accessibility violations', async () => {
    const { root } = mount();
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
