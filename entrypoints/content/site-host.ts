import { browser } from 'wxt/browser';
import { parseSiteAnswer, type ToBackground } from '@/utils/messages';

/**
 * The host whose site rules this frame follows: the tab's page. The top frame knows it; a frame
 * inside the page (an embed from another site, or a srcdoc, about:blank, blob: or data: frame
 * with no address of its own) asks the background, which reads it from the message's sender.
 * Should that fail (the extension is reloading), the frame's own host or its creator's origin.
 */
export async function siteHost(): Promise<string> {
  if (window === window.top) return location.hostname;
  try {
    const ask: ToBackground = { type: 'content:get-site' };
    const answer = parseSiteAnswer(await browser.runtime.sendMessage(ask));
    if (answer) return answer.host;
  } catch {
    // No answer: fall through to what the frame knows of itself.
  }
  if (location.hostname) return location.hostname;
  try {
    return new URL(self.origin).hostname;
  } catch {
    return '';
  }
}
