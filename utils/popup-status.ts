/**
 * What the toolbar popup has to say about the active tab, derived from what it could learn:
 * the tab's address, the settings, whether the browser grants access to the site, and the
 * content script's answer. Pure, so every state can be reached in a test.
 */
import type { PageEntryCount, PageState } from './messages.ts';
import type { Settings } from './settings/model.ts';
import { decideSite, type SiteDecision } from './settings/site-rules.ts';

export type UnreadableReason =
  'browser-page' | 'web-store' | 'protected-site' | 'pdf' | 'file' | 'not-answering';

export type TabAddress =
  | { kind: 'web'; host: string; origin: string; pdf: boolean }
  | { kind: 'unreadable'; reason: UnreadableReason; host: string };

/** Extension stores, where browsers never run extensions' content scripts. */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);
/** Firefox's default `extensions.webextensions.restrictedDomains`, besides its store. */
const PROTECTED_HOSTS = new Set([
  'accounts.firefox.com',
  'support.mozilla.org',
  'addons.cdn.mozilla.net',
  'accounts-static.cdn.mozilla.net',
  'content.cdn.mozilla.net',
  'install.mozilla.org',
]);

/**
 * Where the tab is, and whether extensions may read it at all. No address at all means the
 * browser withheld it, which it does only for pages we may not read (browser pages).
 */
export function classifyTabUrl(url: string | undefined): TabAddress {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { kind: 'unreadable', reason: 'browser-page', host: '' };
  }
  const host = parsed.hostname.toLowerCase();
  if (parsed.protocol === 'file:') return { kind: 'unreadable', reason: 'file', host };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'unreadable', reason: 'browser-page', host };
  }
  if (
    STORE_HOSTS.has(host) ||
    (host === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))
  ) {
    return { kind: 'unreadable', reason: 'web-store', host };
  }
  if (PROTECTED_HOSTS.has(host)) return { kind: 'unreadable', reason: 'protected-site', host };
  const pdf = /\.pdf$/i.test(parsed.pathname);
  // Without the port: match patterns (what permissions are asked for) have no place for one.
  return { kind: 'web', host, origin: `${parsed.protocol}//${parsed.hostname}`, pdf };
}

/** The content script's answer: a state, `'no-answer'`, or `undefined` while waiting for it. */
export type PageAnswer = PageState | 'no-answer' | undefined;

export interface PopupInputs {
  address: TabAddress | null;
  settings: Settings | null;
  /** Whether the browser lets FactLens read the site; null until checked. */
  hostAccess: boolean | null;
  page: PageAnswer;
}

export type PopupStatus =
  | { kind: 'loading'; host: string }
  | { kind: 'unreadable'; host: string; reason: UnreadableReason }
  | { kind: 'no-access'; host: string; origin: string }
  | { kind: 'global-off'; host: string; decision: SiteDecision }
  | { kind: 'site-off'; host: string; decision: SiteDecision }
  | { kind: 'nothing-found'; host: string; decision: SiteDecision }
  | { kind: 'summary'; host: string; decision: SiteDecision; entries: PageEntryCount[] };

export function derivePopupStatus({
  address,
  settings,
  hostAccess,
  page,
}: PopupInputs): PopupStatus {
  if (!address) return { kind: 'loading', host: '' };
  const { host } = address;
  if (address.kind === 'unreadable') return { kind: 'unreadable', host, reason: address.reason };
  if (hostAccess === false) return { kind: 'no-access', host, origin: address.origin };
  if (!settings || hostAccess === null || page === undefined) return { kind: 'loading', host };
  if (page === 'no-answer') {
    return { kind: 'unreadable', host, reason: address.pdf ? 'pdf' : 'not-answering' };
  }
  if (address.pdf && page.entries.length === 0) return { kind: 'unreadable', host, reason: 'pdf' };
  const decision = decideSite(settings, host);
  if (decision.reason === 'global-off') return { kind: 'global-off', host, decision };
  if (!decision.on) return { kind: 'site-off', host, decision };
  // The content script applies a change a moment after the popup makes it.
  if (!page.active) return { kind: 'loading', host };
  if (page.entries.length === 0) return { kind: 'nothing-found', host, decision };
  return { kind: 'summary', host, decision, entries: page.entries };
}

/** The state in a few words, for the popup's header. */
export function describePopupStatus(status: PopupStatus): string {
  switch (status.kind) {
    case 'loading':
      return 'Checking this page…';
    case 'unreadable':
      return 'Can’t read this page';
    case 'no-access':
      return 'Needs your permission for this site';
    case 'global-off':
      return 'Off everywhere';
    case 'site-off':
      return 'Off on this site';
    case 'nothing-found':
      return 'On · no terms on this page';
    case 'summary': {
      const n = status.entries.length;
      return `On · ${n} term${n === 1 ? '' : 's'} on this page`;
    }
  }
}
