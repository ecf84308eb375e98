import './highlights.css';
import { storage } from 'wxt/utils/storage';
import { createSettingsStore } from '@/utils/settings/store';
import { decideSite } from '@/utils/settings/site-rules';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manifest',
  async main(ctx) {
    const store = createSettingsStore(storage);
    const apply = (on: boolean) => {
      if (on) CSS.highlights.set('factlens-mention', new Highlight());
      else CSS.highlights.delete('factlens-mention');
    };
    apply(decideSite(await store.get(), location.hostname).on);
    const unwatch = store.watch((s) => apply(decideSite(s, location.hostname).on));
    ctx.onInvalidated(unwatch);
  },
});
