import { browser } from 'wxt/browser';
import { parseLookup, parsePageState, type Lookup, type ToContent } from '@/utils/messages';
import { classifyTabUrl, type PageAnswer, type TabAddress } from '@/utils/popup-status';

/** The content script answers at once when it runs; silence this long means it does not. */
const ANSWER_TIMEOUT_MS = 1500;

export interface ActiveTab {
  id: number;
  address: TabAddress;
}

export async function findActiveTab(): Promise<ActiveTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  return { id: tab.id, address: classifyTabUrl(tab.url) };
}

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([
    promise.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ANSWER_TIMEOUT_MS)),
  ]);
}

export function sendToPage(tabId: number, msg: ToContent): Promise<unknown> {
  // Only the top frame speaks for the page; frames answer for themselves only.
  return browser.tabs.sendMessage(tabId, msg, { frameId: 0 }).catch(() => undefined);
}

/** What the top frame's content script shows, or 'no-answer' when none runs there. */
export async function askPage(tabId: number): Promise<PageAnswer> {
  const answer = await withTimeout(sendToPage(tabId, { type: 'popup:get-page' }), undefined);
  return parsePageState(answer) ?? 'no-answer';
}

/** Whether the browser lets FactLens read this origin (Firefox MV3 lets readers withdraw it). */
export async function hasHostAccess(address: TabAddress): Promise<boolean> {
  if (address.kind !== 'web' || !address.origin) return true;
  return browser.permissions.contains({ origins: [`${address.origin}/*`] }).catch(() => true);
}

/** A selection the context menu sent here, if it was for this tab. */
export async function takeLookup(tabId: number): Promise<Lookup | null> {
  const answer: unknown = await browser.runtime
    .sendMessage({ type: 'popup:take-lookup', tabId })
    .catch(() => null);
  return parseLookup(answer);
}
