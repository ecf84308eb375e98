// @vitest-environment happy-dom
/**
 * The toolbar popup in every state a reader can meet, each with the action that helps and no
 * accessibility violations.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView.tsx';
import { INDEX } from '../../../data/index.ts';
import type { PageAnswer, PopupInputs, TabAddress } from '../../../utils/popup-status.ts';
import { classifyTabUrl, derivePopupStatus } from '../../../utils/popup-status.ts';
import { createEntrySearch } from '../../../utils/search.ts';
import { defaultSettings, type Settings } from '../../../utils/settings/model.ts';

/** Runs a synchronous step and lets Preact render its result before the test reads the DOM. */
const run = (step: () => void): void => void act(step);

const entriesById = new Map(INDEX.entries.map((e) => [e.id, e]));
const { search } = createEntrySearch(INDEX.entries);
const NEWS = classifyTabUrl('https://news.example.com/2019/hanoi.html');
const onPage = (...ids: string[]): PageAnswer => ({
  host: 'news.example.com',
  active: true,
  entries: ids.map((id, i) => ({ id, count: i + 1 })),
});

function mount(inputs: Partial<PopupInputs> = {}, overrides: Partial<PopupViewProps> = {}) {
  const settings = inputs.settings === undefined ? defaultSettings() : inputs.settings;
  const status = derivePopupStatus({
    address: NEWS,
    hostAccess: true,
    page: onPage('stephen-biegun', 'victor-cha', 'hanoi-summit'),
    ...inputs,
    settings,
  });
  const props: PopupViewProps = {
    status,
    settings,
    data: INDEX,
    entriesById,
    sources: new Map(INDEX.sources.map((s) => [s.id, s])),
    search: (q) => search(q).map((h) => h.entry),
    domain: 'example.com',
    scope: 'host',
    lookup: null,
    dark: false,
    error: null,
    onToggleGlobal: vi.fn(),
    onSetSite: vi.fn(),
    onScopeChange: vi.fn(),
    onShowEntry: vi.fn(),
    onIgnoreEntry: vi.fn(() => Promise.resolve(() => undefined)),
    onRequestAccess: vi.fn(),
    onReload: vi.fn(),
    onOpenOptions: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  run(() => render(<PopupView {...props} />, root));
  const text = (testId: string) =>
    root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;
  return { root, props, text };
}

async function expectAccessible(root: HTMLElement) {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.html})`)).toEqual([]);
}

const button = (root: HTMLElement, label: string | RegExp) =>
  [...root.querySelectorAll('button')].find((b) =>
    typeof label === 'string' ? b.textContent?.trim() === label : label.test(b.textContent ?? ''),
  )!;

afterEach(() => document.body.replaceChildren());

describe('the popup', () => {
  it('while it looks at the page: says so, and the global switch works already', async () => {
    const { root, text, props } = mount({
      address: null,
      settings: null,
      hostAccess: null,
      page: undefined,
    });
    expect(root.querySelector('h1')?.textContent).toBe('FactLens');
    expect(text('popup-state')).toBe('Checking this page…');
    expect(text('state-loading')).toBe('Looking at this page…');
    run(() => root.querySelector<HTMLElement>('[data-testid="global-toggle"]')!.click());
    expect(props.onToggleGlobal).toHaveBeenCalledOnce();
    await expectAccessible(root);
  });

  it('sums up the page: header, site switch with its rule, entries by category, attribution', async () => {
    const { root, text } = mount();
    expect(text('popup-host')).toBe('news.example.com');
    expect(text('popup-state')).toBe('On · 3 terms on this page');
    expect(text('site-toggle')).toBe('On for news.example.com');
    expect(root.querySelector('[data-testid="site-toggle"]')?.getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(text('site-rule')).toBe(
      'No rule for this site: FactLens runs everywhere except on sites you turn off.',
    );
    const groups = [...root.querySelectorAll('.category-group h3')].map((h) => h.textContent);
    expect(groups).toEqual(['People (2)', 'Events (1)']);
    const rows = [...root.querySelectorAll('[data-testid="entry-row"]')].map((r) => r.textContent);
    expect(rows).toEqual([
      'Victor Cha2 mentions',
      'Stephen Biegun1 mention',
      'Hanoi Summit3 mentions',
    ]);
    expect(text('attribution')).toBe(
      'Quotes from John Hemmings, The National Interest, March 2019: The Hanoi Summit – We Asked John Hemmings What Happens Next in U.S.-North Korea Relations.',
    );
    await expectAccessible(root);
  });

  it('a row expands to the summary and shows the entry on the page; its toggle folds it again', () => {
    const { root, props, text } = mount();
    run(() => button(root, /^Victor Cha/).click());
    expect(props.onShowEntry).toHaveBeenCalledWith('victor-cha');
    expect(text('entry-summary')).toBe(entriesById.get('victor-cha')!.summary);
    run(() => button(root, /^Victor Cha/).click());
    expect(props.onShowEntry).toHaveBeenCalledTimes(2);
    const toggle = root.querySelector<HTMLElement>('[aria-label="Summary of Victor Cha"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    run(() => toggle.click());
    expect(root.querySelector('[data-testid="entry-summary"]')).toBeNull();
  });

  it('the site switch and the scope choice call back with the scope chosen', () => {
    const { root, props } = mount({}, { scope: 'domain' });
    expect(root.querySelector<HTMLInputElement>('[data-testid="scope-domain"]')!.checked).toBe(
      true,
    );
    expect(root.querySelector('.scope')?.textContent).toContain('example.com and its subdomains');
    run(() => root.querySelector<HTMLElement>('[data-testid="site-toggle"]')!.click());
    expect(props.onSetSite).toHaveBeenCalledWith(false, 'domain');
    run(() => root.querySelector<HTMLElement>('[data-testid="scope-host"]')!.click());
    expect(props.onScopeChange).toHaveBeenCalledWith('host');
  });

  it('nothing found: says how many terms FactLens knows', async () => {
    const { root, text } = mount({ page: onPage() });
    expect(text('popup-state')).toBe('On · no terms on this page');
    expect(text('state-nothing-found')).toContain(
      `FactLens knows ${INDEX.entries.length} terms; none is on this page.`,
    );
    await expectAccessible(root);
  });

  it('site turned off: names the rule, and “Turn on” turns it on', async () => {
    const settings: Settings = {
      ...defaultSettings(),
      siteRules: [{ host: 'example.com', scope: 'domain', on: false }],
    };
    const { root, text, props } = mount({
      settings,
      page: { host: 'news.example.com', active: false, entries: [] },
    });
    expect(text('popup-state')).toBe('Off on this site');
    expect(text('state-site-off')).toContain(
      'FactLens is off on news.example.com (off for example.com and its subdomains).',
    );
    expect(text('site-rule')).toBe('Rule: Off for example.com and its subdomains.');
    expect(root.querySelector('[data-testid="site-toggle"]')?.getAttribute('aria-checked')).toBe(
      'false',
    );
    run(() => button(root, 'Turn on').click());
    expect(props.onSetSite).toHaveBeenCalledWith(true, 'host');
    await expectAccessible(root);
  });

  it('off everywhere: the site switch cannot help, “Turn FactLens on” can', async () => {
    const settings = { ...defaultSettings(), enabled: false };
    const { root, text, props } = mount({
      settings,
      page: { host: 'news.example.com', active: false, entries: [] },
    });
    expect(text('popup-state')).toBe('Off everywhere');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="site-toggle"]')!.disabled).toBe(
      true,
    );
    expect(root.querySelector('[data-testid="global-toggle"]')?.getAttribute('aria-checked')).toBe(
      'false',
    );
    run(() => button(root, 'Turn FactLens on').click());
    expect(props.onToggleGlobal).toHaveBeenCalledOnce();
    await expectAccessible(root);
  });

  it('no host access (Firefox MV3): a button asks for it', async () => {
    const { root, text, props } = mount({ hostAccess: false, page: 'no-answer' });
    expect(text('popup-state')).toBe('Needs your permission for this site');
    expect(root.querySelector('[data-testid="site-toggle"]')).toBeNull();
    run(() => button(root, 'Allow FactLens on news.example.com').click());
    expect(props.onRequestAccess).toHaveBeenCalledOnce();
    await expectAccessible(root);
  });

  const unreadable: Array<[string, TabAddress, PageAnswer, RegExp]> = [
    ['a browser page', classifyTabUrl('chrome://extensions/'), 'no-answer', /browser’s own pages/],
    [
      'a page whose address is hidden',
      classifyTabUrl(undefined),
      'no-answer',
      /browser’s own pages/,
    ],
    [
      'the web store',
      classifyTabUrl('https://chromewebstore.google.com/detail/x'),
      'no-answer',
      /add-on stores/,
    ],
    ['the PDF viewer', classifyTabUrl('https://example.com/report.pdf'), 'no-answer', /PDF/],
    [
      'a file without access',
      classifyTabUrl('file:///home/me/article.html'),
      'no-answer',
      /file on your computer/,
    ],
    ['a page the script never reached', NEWS, 'no-answer', /open before FactLens was installed/],
  ];
  for (const [what, address, page, says] of unreadable) {
    it(`a page it may not read — ${what}: says why, and search still works`, async () => {
      const { root, text } = mount({ address, page });
      expect(text('popup-state')).toBe('Can’t read this page');
      expect(text('state-unreadable')).toMatch(says);
      expect(root.querySelector('[data-testid="search-input"]')).not.toBeNull();
      await expectAccessible(root);
    });
  }

  it('a page the script never reached offers to reload it', () => {
    const { root, props } = mount({ page: 'no-answer' });
    run(() => button(root, 'Reload the page').click());
    expect(props.onReload).toHaveBeenCalledOnce();
  });

  it('shows a change that could not be saved, and opens the settings page', async () => {
    const { root, props } = mount(
      {},
      { error: 'These settings take 9000 bytes; the browser syncs at most 8192.' },
    );
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('9000 bytes');
    run(() => button(root, 'Settings').click());
    expect(props.onOpenOptions).toHaveBeenCalledOnce();
    await expectAccessible(root);
  });

  it('dark theme: the same popup, in the card’s dark colours', async () => {
    const { root } = mount({}, { dark: true });
    expect(root.querySelector('.popup')?.className).toBe('popup theme dark');
    await expectAccessible(root);
  });
});
