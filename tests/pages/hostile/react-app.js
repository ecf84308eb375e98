// A React 18 news page, rendered to HTML on the server (tests/e2e/hostile/hydration.test.ts, with
// react-dom/server) and hydrated in the browser (react-client.js, with React's own UMD builds).
// The same component on both sides, as an app would ship it; React is passed in, so this file
// needs neither a bundler nor Node's module resolution.
//
// The whole document is React's (hydrateRoot(document, …), as Remix and others do), so the
// card host FactLens adds to <body> is inside the tree React checks. The analysis section's
// code "arrives later" (`late`): React hydrates the rest first and keeps that section's server
// markup, dehydrated, until then — selective hydration.

const LEDE_TEXT =
  ' met Choe Son-hui before the Hanoi Summit, where Kim Jong-un and Donald Trump failed to agree on Yongbyon.';

/**
 * The page's root component. In the browser, `client.late.read()` suspends until the analysis
 * code has arrived, and `client.onHydrated(part)` is told when 'shell' and 'analysis' hydrate.
 */
export function createPage(React, client = {}) {
  const h = React.createElement;
  const { late, onHydrated = () => {} } = client;

  function Like() {
    const [likes, setLikes] = React.useState(0);
    React.useEffect(() => {
      onHydrated('shell');
    }, []);
    return h(
      'button',
      { id: 'like', type: 'button', onClick: () => setLikes(likes + 1) },
      `Like (${likes})`,
    );
  }

  function Analysis() {
    // On the server: rendered at once. In the browser: suspends until its code has arrived.
    if (late) late.read();
    React.useEffect(() => {
      onHydrated('analysis');
    }, []);
    return h(
      'section',
      { id: 'analysis' },
      h('h2', null, 'The view from Sohae'),
      h(
        'p',
        null,
        'Victor Cha and Joseph Bermudez of CSIS studied new images of the Sohae launch facility.',
      ),
      h(
        'ul',
        null,
        ['Stephen Biegun', 'Mike Pompeo', 'John Bolton'].map((name) =>
          h('li', { key: name }, `${name} was in Hanoi.`),
        ),
      ),
    );
  }

  return function Page() {
    return h(
      'html',
      { lang: 'en' },
      h(
        'head',
        null,
        h('meta', { charSet: 'utf-8' }),
        h('title', null, 'After Hanoi, what next? (a React 18 page)'),
        h('script', { src: '/vendor/react.js' }),
        h('script', { src: '/vendor/react-dom.js' }),
      ),
      h(
        'body',
        null,
        h(
          'main',
          { id: 'app' },
          h('h1', null, 'After Hanoi, what next?'),
          h('p', { id: 'lede' }, 'Special Representative ', h('b', null, 'Stephen Biegun'), LEDE_TEXT),
          h(React.Suspense, { fallback: h('p', null, 'Loading the analysis…') }, h(Analysis)),
          h(Like),
        ),
        h('script', { type: 'module', src: '/hostile/react-client.js' }),
      ),
    );
  };
}
