/**
 * The one message contract between FactLens' contexts, named by direction
 * (`<from>:<what>`), with a validator for each receiver. Anything that fails validation is
 * dropped: messages can be forged by any code that reaches the runtime.
 */

export const MAX_ENTRIES = 1000;
export const MAX_ID_LENGTH = 80;
/** Longer selections are no term anyone looks up; the rest is cut off. */
export const MAX_QUERY_LENGTH = 200;

export interface PageEntryCount {
  id: string;
  count: number;
}

/** content (every frame) → background and popup: what the frame mentions, for badge and popup. */
export interface ContentSummary {
  type: 'content:summary';
  entries: PageEntryCount[];
  /** Whether FactLens is active on this page (site on). */
  active: boolean;
}

/**
 * content (a frame inside a page) → background: the host of the tab's page. Site rules are the
 * reader's word about the page they are on, so every frame follows its tab's page: an embedded
 * frame from elsewhere, and a srcdoc or about:blank frame with no address of its own.
 */
export interface ContentGetSite {
  type: 'content:get-site';
}
/** The background's answer to `content:get-site`. */
export interface SiteAnswer {
  host: string;
}

/** popup → background: the selection the context menu asked to look up, if it was for this tab. */
export interface PopupTakeLookup {
  type: 'popup:take-lookup';
  tabId: number;
}

/** popup → content: what do you show? */
export interface PopupGetPage {
  type: 'popup:get-page';
}
/** popup or background → content: scroll to the next mention of an entry and open its card. */
export interface ShowEntry {
  type: 'popup:show-entry' | 'background:show-entry';
  id: string;
}
/** background → content: the keyboard command "next mention". */
export interface BackgroundNextMention {
  type: 'background:next-mention';
}
/**
 * background → content (every frame): send your `content:summary` again, even if unchanged.
 * Sent when a tab finishes loading, so a page restored from the back/forward cache (whose
 * scripts never rerun) or moved by a single-page app re-counts towards the badge.
 */
export interface BackgroundRequestSummary {
  type: 'background:request-summary';
}
export type ToContent = PopupGetPage | ShowEntry | BackgroundNextMention | BackgroundRequestSummary;
/** What a content script sends (to the background, and to an open popup). */
export type ToBackground = ContentSummary | ContentGetSite;
/** Everything the background accepts: what content scripts send and the popup's requests. */
export type BackgroundInbound = ToBackground | PopupTakeLookup;

/** The content script's answer to `popup:get-page`. */
export interface PageState {
  host: string;
  active: boolean;
  entries: PageEntryCount[];
}

/** The background's answer to `popup:take-lookup`: what was selected and its best match. */
export interface Lookup {
  query: string;
  /** The best fuzzy match, or null when nothing in the dataset matched. */
  entryId: string | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return (
    typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH && /^[a-z0-9-]+$/.test(v)
  );
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
}

/** Tab and frame ids: Firefox's frame ids run past 2^34, so only safe integers are bounded. */
function isBrowserId(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function parseEntryCounts(v: unknown): PageEntryCount[] | null {
  if (!Array.isArray(v) || v.length > MAX_ENTRIES) return null;
  const out: PageEntryCount[] = [];
  for (const e of v) {
    if (!isRecord(e) || !isId(e.id) || !isCount(e.count)) return null;
    out.push({ id: e.id, count: e.count });
  }
  return out;
}

export function parseToBackground(msg: unknown): BackgroundInbound | null {
  if (!isRecord(msg)) return null;
  if (msg.type === 'popup:take-lookup') {
    return isBrowserId(msg.tabId) ? { type: msg.type, tabId: msg.tabId } : null;
  }
  if (msg.type === 'content:get-site') return { type: msg.type };
  if (msg.type !== 'content:summary' || typeof msg.active !== 'boolean') return null;
  const entries = parseEntryCounts(msg.entries);
  return entries && { type: 'content:summary', entries, active: msg.active };
}

export function parseToContent(msg: unknown): ToContent | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'popup:get-page':
    case 'background:next-mention':
    case 'background:request-summary':
      return { type: msg.type };
    case 'popup:show-entry':
    case 'background:show-entry':
      return isId(msg.id) ? { type: msg.type, id: msg.id } : null;
    default:
      return null;
  }
}

export function parsePageState(v: unknown): PageState | null {
  if (!isRecord(v) || typeof v.host !== 'string' || typeof v.active !== 'boolean') return null;
  const entries = parseEntryCounts(v.entries);
  return entries && { host: v.host.slice(0, 253), active: v.active, entries };
}

/** A host name as a URL gives it (lower case, punycode): at most 253 characters. */
const HOST = /^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]{2,45}\]$/;

export function parseSiteAnswer(v: unknown): SiteAnswer | null {
  return isRecord(v) && typeof v.host === 'string' && HOST.test(v.host) ? { host: v.host } : null;
}

export function parseLookup(v: unknown): Lookup | null {
  if (!isRecord(v) || typeof v.query !== 'string' || v.query.trim() === '') return null;
  if (v.entryId !== null && !isId(v.entryId)) return null;
  return { query: v.query.slice(0, MAX_QUERY_LENGTH), entryId: v.entryId };
}

/** The parts of a runtime.MessageSender that say who sent a message. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Who sent a message, as far as the browser vouches for it: one of our content scripts (in a
 * tab, at a web address), one of our own pages (popup, options), or a stranger.
 */
export type SenderKind =
  | { kind: 'content'; tabId: number; frameId: number }
  | { kind: 'extension-page' }
  | { kind: 'unknown' };

export function classifySender(
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): SenderKind {
  if (sender.id !== runtimeId) return { kind: 'unknown' };
  if (sender.url?.startsWith(extensionOrigin)) return { kind: 'extension-page' };
  const tabId = sender.tab?.id;
  if (isBrowserId(tabId) && isBrowserId(sender.frameId))
    return { kind: 'content', tabId, frameId: sender.frameId };
  return { kind: 'unknown' };
}
