import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Firefox needs its own id and data-collection statement to pass `web-ext lint`
// and AMO review; 140 is the first Firefox with the CSS Custom Highlight API.
const GECKO = {
  id: 'factlens@factlens.dev',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

// `FACTLENS_BENCH=1 wxt build` makes an instrumented build in its own folder for `npm run bench`.
const BENCH = process.env.FACTLENS_BENCH === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${BENCH ? '-bench' : ''}`,
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: false },
    define: { __FACTLENS_BENCH__: JSON.stringify(BENCH) },
  }),
  zip: {
    excludeSources: ['test-results/**', '.output/**', 'tests/e2e/.profiles/**'],
  },
  manifest: ({ browser }) => ({
    name: 'FactLens',
    description:
      'Explains the people, places and policies of US–North Korea diplomacy news where you read them, quoting the source article.',
    // contextMenus: the page and selection menu items. activeTab (no install warning): the popup
    // may read the address of the tab it was opened over, to name a page it cannot read and, in
    // Firefox, the site whose access the reader withdrew. host_permissions repeat the content
    // script's matches (so no new install warning): they reveal http(s) tab addresses to the
    // popup and background, and let Firefox MV3 ask again for access the reader revoked.
    permissions: ['storage', 'contextMenus', 'activeTab'],
    host_permissions: ['http://*/*', 'https://*/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'FactLens' },
    commands: {
      'next-mention': {
        // Alt+Shift+J is bound by no major browser, screen reader or news site.
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlighted term and open its card',
      },
      'toggle-site': {
        // Alt+Shift+K: bound by no major browser or screen reader; Google Docs' Alt+Shift menu
        // keys skip K, and Slack's and Gmail's K shortcuts use other modifiers.
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Turn FactLens on or off for the current site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: GECKO,
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
