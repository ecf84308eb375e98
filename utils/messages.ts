/**
 * The one message contract between FactLens' contexts, named by direction
 * (`<from>:<what>`), with a validator for each receiver. Anything that fails validation is
 * dropped: messages can be forged by any code that reaches the runtime.
 */

export const MAX_ENTRIES = 1000;
export const MAX_ID_LENGTH = 80;

export interface PageEntryCount {
  id: string;
  count: number;
}

/** content → background: what the page mentions, for the badge. */
export interface ContentSummary {
  type: 'content:summary';
  entries: PageEntryCount[];
  /** Whether FactLens is active on this page (site on). */
  active: boolean;
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
export type ToContent = PopupGetPage | ShowEntry | BackgroundNextMention;
export type ToBackground = ContentSummary;

/** The content script's answer to `popup:get-page`. */
export interface PageState {
  host: string;
  active: boolean;
  entries: PageEntryCount[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isId(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_ID_LENGTH && /^[a-z0-9-]+$/.test(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
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

export function parseToBackground(msg: unknown): ToBackground | null {
  if (!isRecord(msg) || msg.type !== 'content:summary' || typeof msg.active !== 'boolean') {
    return null;
  }
  const entries = parseEntryCounts(msg.entries);
  return entries && { type: 'content:summary', entries, active: msg.active };
}

export function parseToContent(msg: unknown): ToContent | null {
  if (!isRecord(msg)) return null;
  switch (msg.type) {
    case 'popup:get-page':
    case 'background:next-mention':
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
