/**
 * The message contract: every receiver drops what it cannot trust — wrong shapes, unbounded
 * numbers, ids that are not ids, and senders that are not ours.
 */
import { describe, expect, it } from 'vitest';
import {
  classifySender,
  MAX_ENTRIES,
  MAX_QUERY_LENGTH,
  parseLookup,
  parsePageState,
  parseSiteAnswer,
  parseToBackground,
  parseToContent,
} from '../../utils/messages.ts';

const summary = (entries: unknown, active: unknown = true) => ({
  type: 'content:summary',
  entries,
  active,
});

describe('messages to the background', () => {
  it('accepts a content summary and a popup lookup request, as they are', () => {
    expect(parseToBackground(summary([{ id: 'victor-cha', count: 2 }]))).toEqual(
      summary([{ id: 'victor-cha', count: 2 }]),
    );
    expect(parseToBackground({ type: 'popup:take-lookup', tabId: 7 })).toEqual({
      type: 'popup:take-lookup',
      tabId: 7,
    });
    expect(parseToBackground({ type: 'content:get-site', host: 'evil.example' })).toEqual({
      type: 'content:get-site',
    });
  });

  it("takes the background's answer about the tab's site only as a host name", () => {
    expect(parseSiteAnswer({ host: 'news.example.com' })).toEqual({ host: 'news.example.com' });
    expect(parseSiteAnswer({ host: '127.0.0.1' })).toEqual({ host: '127.0.0.1' });
    for (const bad of [null, {}, { host: '' }, { host: 'a b' }, { host: 'x'.repeat(254) }])
      expect(parseSiteAnswer(bad), JSON.stringify(bad)?.slice(0, 40)).toBeNull();
  });

  it('drops wrong shapes, unbounded counts, odd ids and oversized lists', () => {
    const entries = (n: number) => Array.from({ length: n }, () => ({ id: 'a', count: 1 }));
    for (const bad of [
      null,
      'content:summary',
      { type: 'content:summary', entries: [] },
      summary([{ id: 'victor-cha', count: -1 }]),
      summary([{ id: 'victor-cha', count: 1.5 }]),
      summary([{ id: 'victor-cha', count: 1e9 }]),
      summary([{ id: '<script>', count: 1 }]),
      summary([{ id: 'x'.repeat(81), count: 1 }]),
      summary(entries(MAX_ENTRIES + 1)),
      summary([], 'yes'),
      { type: 'popup:take-lookup', tabId: -1 },
      { type: 'popup:take-lookup', tabId: '7' },
      { type: 'background:show-entry', id: 'victor-cha' },
    ]) {
      expect(parseToBackground(bad), JSON.stringify(bad)?.slice(0, 60)).toBeNull();
    }
    expect(parseToBackground(summary(entries(MAX_ENTRIES)))).not.toBeNull();
  });
});

describe('messages to the content script', () => {
  it('accepts its five kinds, with a valid id where one is needed', () => {
    for (const type of [
      'popup:get-page',
      'background:next-mention',
      'background:request-summary',
    ]) {
      expect(parseToContent({ type, extra: 'ignored' })).toEqual({ type });
    }
    expect(parseToContent({ type: 'popup:show-entry', id: 'stephen-biegun' })).toEqual({
      type: 'popup:show-entry',
      id: 'stephen-biegun',
    });
    expect(parseToContent({ type: 'background:show-entry', id: 'Robert; DROP' })).toBeNull();
    expect(parseToContent({ type: 'content:summary', entries: [], active: true })).toBeNull();
  });
});

describe('answers', () => {
  it('reads the page state, cutting an overlong host', () => {
    expect(
      parsePageState({ host: 'a.com', active: true, entries: [{ id: 'a', count: 1 }] }),
    ).toEqual({
      host: 'a.com',
      active: true,
      entries: [{ id: 'a', count: 1 }],
    });
    expect(
      parsePageState({ host: 'h'.repeat(400), active: false, entries: [] })?.host,
    ).toHaveLength(253);
    expect(parsePageState({ host: 'a.com', active: 1, entries: [] })).toBeNull();
    expect(parsePageState(undefined)).toBeNull();
  });

  it('reads a lookup: a query, and the best match or null', () => {
    expect(parseLookup({ query: 'Beigun', entryId: 'stephen-biegun', tabId: 3 })).toEqual({
      query: 'Beigun',
      entryId: 'stephen-biegun',
    });
    expect(parseLookup({ query: 'zzz', entryId: null })).toEqual({ query: 'zzz', entryId: null });
    expect(parseLookup({ query: 'q'.repeat(500), entryId: null })?.query).toHaveLength(
      MAX_QUERY_LENGTH,
    );
    expect(parseLookup({ query: '  ', entryId: null })).toBeNull();
    expect(parseLookup({ query: 'x', entryId: 'Not An Id' })).toBeNull();
    expect(parseLookup(null)).toBeNull();
  });
});

describe('who sent a message', () => {
  const id = 'factlens@factlens.dev';
  const origin = 'moz-extension://6f1c1d3e/';

  it('a content script: ours, in a tab, in a frame (Firefox frame ids are large)', () => {
    expect(
      classifySender(
        { id, url: 'https://news.example.com/a', tab: { id: 4 }, frameId: 17179869185 },
        id,
        origin,
      ),
    ).toEqual({ kind: 'content', tabId: 4, frameId: 17179869185 });
  });

  it('one of our pages, even one open in a tab', () => {
    expect(classifySender({ id, url: `${origin}popup.html` }, id, origin)).toEqual({
      kind: 'extension-page',
    });
    expect(
      classifySender({ id, url: `${origin}options.html`, tab: { id: 2 }, frameId: 0 }, id, origin),
    ).toEqual({
      kind: 'extension-page',
    });
  });

  it('anyone else: another extension, or something without a tab or frame', () => {
    expect(classifySender({ id: 'other', url: `${origin}popup.html` }, id, origin)).toEqual({
      kind: 'unknown',
    });
    expect(classifySender({ id, url: 'https://a.com/' }, id, origin)).toEqual({ kind: 'unknown' });
    expect(classifySender({ id, url: 'https://a.com/', tab: { id: 1 } }, id, origin)).toEqual({
      kind: 'unknown',
    });
  });
});
