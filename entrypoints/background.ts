import { browser } from 'wxt/browser';
import { parseToBackground } from '@/utils/messages';

export default defineBackground(() => {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'next-mention') return;
    void (async () => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      await browser.tabs
        .sendMessage(tabId, { type: 'background:next-mention' }, { frameId: 0 })
        .catch(() => undefined);
    })();
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const msg = parseToBackground(raw);
    const tabId = sender.tab?.id;
    if (!msg || tabId === undefined || sender.id !== browser.runtime.id) return;
    // Only the top frame speaks for the tab.
    if (sender.frameId !== 0) return;
    const count = msg.active ? msg.entries.length : 0;
    void browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  });
});
