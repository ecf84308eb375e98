// @vitest-environment happy-dom
/**
 * The options page: every setting edits the settings it is given, a bad host is refused with a
 * reason, a bad import file is reported and nothing else happens, and reset asks first.
 */
import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsView, type OptionsViewProps } from '../../../components/options/OptionsView.tsx';
import { INDEX } from '../../../data/index.ts';
import { defaultSettings, type Settings } from '../../../utils/settings/model.ts';

/** Runs a synchronous step and lets Preact render its result before the test reads the DOM. */
const run = (step: () => void): void => void act(step);

const withRules: Settings = {
  ...defaultSettings(),
  siteRules: [
    { host: 'example.com', scope: 'domain', on: false },
    { host: 'news.example.com', scope: 'host', on: true },
  ],
  ignoredEntries: ['victor-cha', 'gone-from-dataset'],
};

function mount(overrides: Partial<OptionsViewProps> = {}) {
  const props: OptionsViewProps = {
    settings: withRules,
    entries: INDEX.entries,
    saveError: null,
    importOutcome: null,
    onChange: vi.fn(),
    onReset: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
  const root = document.createElement('div');
  document.body.append(root);
  run(() => render(<OptionsView {...props} />, root));
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const saved = (): Settings =>
    (props.onChange as ReturnType<typeof vi.fn>).mock.lastCall![0] as Settings;
  const fill = (sel: string, value: string) =>
    run(() => {
      const input = $<HTMLInputElement>(sel);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    });
  const submit = (testId: string) =>
    run(
      () =>
        void $(`[data-testid="${testId}"]`).dispatchEvent(
          new Event('submit', { cancelable: true }),
        ),
    );
  return { root, props, $, saved, fill, submit };
}

const button = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(text))!;

afterEach(() => document.body.replaceChildren());

describe('the options page', () => {
  it('shows every setting, and has no accessibility violations', async () => {
    const { root } = mount();
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['General', 'Site rules', 'Terms', 'Keep or move your settings']);
    for (const id of [
      'opt-enabled',
      'opt-mode-everywhere',
      'opt-mode-only-listed',
      'opt-style-underline',
      'opt-style-background',
      'opt-style-none',
      'opt-hover-delay',
      'opt-theme',
      'opt-category-person',
      'export',
      'import-file',
      'reset',
    ]) {
      expect(root.querySelector(`[data-testid="${id}"]`), id).not.toBeNull();
    }
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.html})`)).toEqual([]);
  });

  it('general settings: global switch, mode, highlight style, theme', () => {
    const { $, saved } = mount();
    run(() => $('[data-testid="opt-enabled"]').click());
    expect(saved().enabled).toBe(false);
    run(() => $('[data-testid="opt-mode-only-listed"]').click());
    expect(saved().mode).toBe('only-listed');
    run(() => $('[data-testid="opt-style-background"]').click());
    expect(saved().highlightStyle).toBe('background');
    run(() => {
      const select = $<HTMLSelectElement>('[data-testid="opt-theme"]');
      select.value = 'dark';
      select.dispatchEvent(new Event('change'));
    });
    expect(saved().theme).toBe('dark');
  });

  it('hover delay: saves a valid number, explains an invalid one and saves nothing', () => {
    const { root, props, fill, saved } = mount();
    fill('[data-testid="opt-hover-delay"]', '650');
    expect(saved().hoverDelayMs).toBe(650);
    const calls = (props.onChange as ReturnType<typeof vi.fn>).mock.calls.length;
    fill('[data-testid="opt-hover-delay"]', '5000');
    expect(root.querySelector('#hover-delay-error')?.textContent).toBe(
      'Type a whole number of milliseconds from 0 to 2000.',
    );
    expect((props.onChange as ReturnType<typeof vi.fn>).mock.calls.length).toBe(calls);
  });

  it('lists site rules as patterns with their scope in words', () => {
    const { root } = mount();
    const rows = [...root.querySelectorAll('[data-testid="site-rule-row"]')].map(
      (r) => r.textContent,
    );
    expect(rows[0]).toContain('*.example.com (example.com and its subdomains)');
    expect(rows[1]).toContain('news.example.com (news.example.com only)');
  });

  it('adds a rule, refusing an invalid host pattern or a duplicate with a clear error', () => {
    const { root, props, fill, submit, saved } = mount();
    fill('[data-testid="add-rule-input"]', 'news example.com');
    submit('add-rule-form');
    expect(root.querySelector('[data-testid="add-rule-error"]')?.textContent).toContain(
      'not a host name',
    );
    expect(root.querySelector('[data-testid="add-rule-input"]')?.getAttribute('aria-invalid')).toBe(
      'true',
    );
    fill('[data-testid="add-rule-input"]', '*.EXAMPLE.com');
    submit('add-rule-form');
    expect(root.querySelector('[data-testid="add-rule-error"]')?.textContent).toBe(
      'There is already a rule for example.com and its subdomains: change that one.',
    );
    expect(props.onChange).not.toHaveBeenCalled();
    fill('[data-testid="add-rule-input"]', 'https://www.38north.org/2019/03/sohae/');
    submit('add-rule-form');
    expect(saved().siteRules.at(-1)).toEqual({ host: 'www.38north.org', scope: 'host', on: false });
  });

  it('edits a rule’s site, switches it, and removes it', () => {
    const { root, $, fill, submit, saved } = mount();
    run(() => button(root, 'Edit').click());
    fill('[data-testid="edit-rule-0-input"]', '*.nknews.org');
    submit('edit-rule-0-form');
    expect(saved().siteRules[0]).toEqual({ host: 'nknews.org', scope: 'domain', on: false });
    run(() => {
      const select = root.querySelectorAll<HTMLSelectElement>('[data-testid="site-rule-on"]')[1]!;
      select.value = 'off';
      select.dispatchEvent(new Event('change'));
    });
    expect(saved().siteRules[1]).toEqual({ host: 'news.example.com', scope: 'host', on: false });
    run(() => $('[data-testid="site-rule-remove"]').click());
    expect(saved().siteRules).toEqual([{ host: 'news.example.com', scope: 'host', on: true }]);
  });

  it('ignored terms by name (an unknown id as itself), highlight again, add one; categories', () => {
    const { root, saved, $ } = mount();
    const names = [...root.querySelectorAll('[data-testid="ignored-entry"] > span')].map(
      (s) => s.textContent,
    );
    expect(names).toEqual(['Victor Cha', 'gone-from-dataset']);
    run(() => button(root, 'Highlight again').click());
    expect(saved().ignoredEntries).toEqual(['gone-from-dataset']);
    run(() => {
      const select = $<HTMLSelectElement>('#ignore-pick');
      select.value = 'stephen-biegun';
      select.dispatchEvent(new Event('change'));
    });
    run(
      () =>
        void root
          .querySelector('.inline-form')!
          .dispatchEvent(new Event('submit', { cancelable: true })),
    );
    expect(saved().ignoredEntries).toEqual(['victor-cha', 'gone-from-dataset', 'stephen-biegun']);
    run(() => $('[data-testid="opt-category-place"]').click());
    expect(saved().disabledCategories).toEqual(['place']);
  });

  it('reports a bad import file, what is wrong with it, and that nothing changed', async () => {
    const { root, props } = mount({
      importOutcome: {
        ok: false,
        problems: [
          'settings.enabled: not true or false.',
          'settings.colour: not a FactLens setting.',
        ],
      },
    });
    const report = root.querySelector('[data-testid="import-result"]')!;
    expect(report.getAttribute('role')).toBe('alert');
    expect(report.textContent).toContain('Nothing was changed');
    expect([...report.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'settings.enabled: not true or false.',
      'settings.colour: not a FactLens setting.',
    ]);
    expect(props.onChange).not.toHaveBeenCalled();
    const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('hands the chosen file’s text to the container, and exports on request', async () => {
    const { root, props, $ } = mount();
    const input = $<HTMLInputElement>('[data-testid="import-file"]');
    Object.defineProperty(input, 'files', {
      value: [new File(['{"format":"factlens-settings"}'], 'mine.json')],
    });
    await act(async () => {
      input.dispatchEvent(new Event('change'));
      await new Promise((r) => setTimeout(r, 10));
    });
    expect(props.onImport).toHaveBeenCalledWith('{"format":"factlens-settings"}', 'mine.json');
    run(() => button(root, 'Export settings').click());
    expect(props.onExport).toHaveBeenCalledOnce();
  });

  it('reset asks first, and can be cancelled', () => {
    const { root, props, $ } = mount();
    run(() => $('[data-testid="reset"]').click());
    run(() => button(root, 'Cancel').click());
    expect(props.onReset).not.toHaveBeenCalled();
    run(() => $('[data-testid="reset"]').click());
    run(() => $('[data-testid="reset-confirm"]').click());
    expect(props.onReset).toHaveBeenCalledOnce();
  });

  it('shows why a change could not be saved', () => {
    const { root } = mount({
      saveError: 'These settings take 9000 bytes; the browser syncs at most 8192.',
    });
    expect(root.querySelector('[data-testid="save-error"]')?.textContent).toContain('9000 bytes');
  });
});
