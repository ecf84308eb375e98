/**
 * What the popup makes of a tab: which pages extensions may read, and which state wins when
 * several apply (a browser page beats everything; no access beats settings; settings beat the
 * content script's late answer).
 */
import { describe, expect, it } from 'vitest';
import {
  classifyTabUrl,
  derivePopupStatus,
  describePopupStatus,
  type PopupInputs,
} from '../../../utils/popup-status.ts';
import { defaultSettings } from '../../../utils/settings/model.ts';

const web = classifyTabUrl('https://www.nknews.org:8443/2019/03/hanoi');
const page = (active: boolean, ...ids: string[]) => ({
  host: 'www.nknews.org',
  active,
  entries: ids.map((id) => ({ id, count: 1 })),
});
const inputs = (change: Partial<PopupInputs> = {}): PopupInputs => ({
  address: web,
  settings: defaultSettings(),
  hostAccess: true,
  page: page(true, 'victor-cha'),
  ...change,
});
const kind = (change: Partial<PopupInputs>) => derivePopupStatus(inputs(change)).kind;

describe('reading the tab’s address', () => {
  it('a web page: its host, and the origin permissions are asked for (no port: patterns have none)', () => {
    expect(web).toEqual({
      kind: 'web',
      host: 'www.nknews.org',
      origin: 'https://www.nknews.org',
      pdf: false,
    });
    expect(classifyTabUrl('http://127.0.0.1:5173/demo.html')).toMatchObject({ host: '127.0.0.1' });
    expect(classifyTabUrl('https://a.org/files/Report.PDF')).toMatchObject({
      kind: 'web',
      pdf: true,
    });
  });

  it('pages no extension may read', () => {
    const reason = (url: string | undefined) => {
      const a = classifyTabUrl(url);
      return a.kind === 'unreadable' ? a.reason : null;
    };
    expect(reason('chrome://settings')).toBe('browser-page');
    expect(reason('about:addons')).toBe('browser-page');
    expect(reason('moz-extension://x/popup.html')).toBe('browser-page');
    expect(reason('view-source:https://a.org/')).toBe('browser-page');
    expect(reason(undefined)).toBe('browser-page');
    expect(reason('file:///tmp/a.html')).toBe('file');
    expect(reason('https://chromewebstore.google.com/detail/abc')).toBe('web-store');
    expect(reason('https://chrome.google.com/webstore/detail/abc')).toBe('web-store');
    expect(reason('https://addons.mozilla.org/en-US/firefox/')).toBe('web-store');
    expect(reason('https://accounts.firefox.com/')).toBe('protected-site');
    expect(reason('https://chrome.google.com/search')).toBeNull();
  });
});

describe('which state the popup shows', () => {
  it('in order of what matters most', () => {
    expect(kind({ address: null })).toBe('loading');
    expect(kind({ address: classifyTabUrl('about:blank'), settings: null })).toBe('unreadable');
    expect(kind({ hostAccess: false, settings: { ...defaultSettings(), enabled: false } })).toBe(
      'no-access',
    );
    expect(kind({ hostAccess: null })).toBe('loading');
    expect(kind({ page: undefined })).toBe('loading');
    expect(kind({ page: 'no-answer' })).toBe('unreadable');
    expect(kind({ settings: { ...defaultSettings(), enabled: false } })).toBe('global-off');
    expect(kind({ settings: { ...defaultSettings(), mode: 'only-listed' } })).toBe('site-off');
    expect(kind({ page: page(false) })).toBe('loading');
    expect(kind({ page: page(true) })).toBe('nothing-found');
    expect(kind({})).toBe('summary');
  });

  it('a PDF is unreadable when the script is absent or finds no text, whatever the settings', () => {
    const pdf = classifyTabUrl('https://a.org/r.pdf');
    expect(derivePopupStatus(inputs({ address: pdf, page: 'no-answer' }))).toMatchObject({
      reason: 'pdf',
    });
    expect(derivePopupStatus(inputs({ address: pdf, page: page(true) }))).toMatchObject({
      reason: 'pdf',
    });
    expect(kind({ address: pdf })).toBe('summary');
  });

  it('puts the state in words for the header', () => {
    expect(describePopupStatus(derivePopupStatus(inputs()))).toBe('On · 1 term on this page');
    expect(describePopupStatus(derivePopupStatus(inputs({ page: page(true, 'a', 'b') })))).toBe(
      'On · 2 terms on this page',
    );
  });
});
