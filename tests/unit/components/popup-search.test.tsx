// @vitest-environment happy-dom
/**
 * The popup's search box, used with the keyboard alone: typo-tolerant matches, arrows, Enter,
 * Escape, and the entry's card shown in place.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntrySearch, type EntrySearchProps } from '../../../components/popup/EntrySearch.tsx';
import { INDEX } from '../../../data/index.ts';
import { createEntrySearch } from '../../../utils/search.ts';

/** Runs a synchronous step and lets Preact render its result before the test reads the DOM. */
const run = (step: () => void): void => void act(step);

const { search } = createEntrySearch(INDEX.entries);
const entriesById = new Map(INDEX.entries.map((e) => [e.id, e]));

function mount(overrides: Partial<EntrySearchProps> = {}) {
  const props: EntrySearchProps = {
    search: (q) => search(q).map((h) => h.entry),
    entriesById,
    sources: new Map(INDEX.sources.map((s) => [s.id, s])),
    mentionsOnPage: (id) => (id === 'stephen-biegun' ? 2 : 0),
    lookup: null,
    dark: false,
    onShowEntry: vi.fn(),
    onIgnoreEntry: vi.fn(() => Promise.resolve(vi.fn())),
    onTurnOffSite: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  run(() => render(<EntrySearch {...props} />, root));
  const input = root.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
  const type = (text: string) =>
    run(() => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    });
  const press = (key: string) =>
    run(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true })));
  const options = () => [...root.querySelectorAll('[role="option"]')];
  const heading = () => root.querySelector('#popup-card-heading')?.textContent ?? null;
  return { root, props, input, type, press, options, heading };
}

afterEach(() => document.body.replaceChildren());

describe('the search box', () => {
  it('finds a term through a typo and lists matches as options of a combobox', async () => {
    const { root, input, type, options } = mount();
    type('Beigun');
    expect(options()[0]?.textContent).toBe('Stephen Biegun · Person');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('moves with the arrow keys (wrapping) and opens the chosen entry’s card with Enter', () => {
    const { input, type, press, options, heading } = mount();
    type('summit');
    const names = options().map((o) => o.getAttribute('data-entry-id'));
    expect(names.length).toBeGreaterThan(1);
    press('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    press('ArrowUp');
    press('ArrowUp');
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true');
    press('Enter');
    expect(heading()).toBe(entriesById.get(names.at(-1)!)!.name);
    expect(options()).toHaveLength(0);
  });

  it('Escape steps back: card, then list, then an empty box', () => {
    const { input, type, press, options, heading } = mount();
    type('sohae');
    press('Enter');
    expect(heading()).toBe('Sohae Satellite Launching Station');
    press('Escape');
    expect(heading()).toBeNull();
    expect(options().length).toBeGreaterThan(0);
    press('Escape');
    expect(input.value).toBe('');
  });

  it('says so when nothing matches', () => {
    const { root, type } = mount();
    type('Kardashian');
    expect(root.querySelector('[data-testid="search-empty"]')?.textContent).toBe(
      'Nothing in FactLens matches “Kardashian”.',
    );
  });

  it('the card in the popup shows the entry on the page, and related entries in place', () => {
    const { root, props, type, press, heading } = mount();
    type('Biegun');
    press('Enter');
    expect(root.querySelector('[data-testid="mention-count"]')?.textContent).toBe(
      '2 mentions on this page',
    );
    run(() => root.querySelector<HTMLElement>('[data-testid="show-on-page"]')!.click());
    expect(props.onShowEntry).toHaveBeenCalledWith('stephen-biegun');
    const related = [...root.querySelectorAll<HTMLElement>('.related button')][0]!;
    const name = related.textContent;
    run(() => related.click());
    expect(heading()).toBe(name);
  });

  it('“Don’t highlight” from the popup card says so and can be undone', async () => {
    const undo = vi.fn();
    const { root, props, type, press } = mount({
      onIgnoreEntry: vi.fn(() => Promise.resolve(undo)),
    });
    type('Victor Cha');
    press('Enter');
    await act(async () => {
      root.querySelector<HTMLElement>('[data-testid="ignore-entry"]')!.click();
      await Promise.resolve(); // the ignore resolves to its undo
    });
    expect(props.onIgnoreEntry).toHaveBeenCalledWith('victor-cha');
    expect(root.querySelector('[role="status"]')?.textContent).toContain(
      'FactLens won’t highlight “Victor Cha”.',
    );
    run(() => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!.click());
    expect(undo).toHaveBeenCalledOnce();
  });

  it('a context-menu lookup fills the box and opens its best match, even when it arrives late', () => {
    const { root, input, heading } = mount();
    run(() =>
      render(
        <EntrySearch
          search={(q) => search(q).map((h) => h.entry)}
          entriesById={entriesById}
          sources={new Map()}
          mentionsOnPage={() => 0}
          lookup={{ query: 'Sohae', entryId: 'sohae-satellite-launching-station' }}
          dark={false}
          onShowEntry={vi.fn()}
          onIgnoreEntry={vi.fn()}
          onTurnOffSite={vi.fn()}
        />,
        root,
      ),
    );
    expect(input.value).toBe('Sohae');
    expect(heading()).toBe('Sohae Satellite Launching Station');
  });
});
