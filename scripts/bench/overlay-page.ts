/**
 * The overlay bench's pages as HTML: the matcher bench's ~1 MB news text (corpus.ts) laid out like
 * a real news front page — a masthead with navigation, ~500 stories each with a linked headline,
 * a byline and paragraphs with links and emphasis inside the sentences (so names are sometimes
 * split across inline tags), a sidebar and a footer — and the demo article, as served to readers.
 * Both are served cross-origin isolated, which gives the page (and so the content script) a 5 µs
 * clock instead of 100 µs: hit-tests take tens of microseconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES_DIR } from '../lib/paths.ts';
import { newsPage, seededRandom } from './corpus.ts';

/** Makes `crossOriginIsolated` true, so that performance.now() is precise to 5 µs. */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Sport', 'Culture', 'Opinion'];
const REPORTERS = ['Ana Ruiz', 'Tom Becker', 'Priya Nair', 'Lars Holm', 'Mei Chen', 'Sam Okafor'];

/**
 * A paragraph's words with an inline element or two among them, as news sites write them: a
 * link over a few words, sometimes an emphasis. Text content is unchanged.
 */
function inlineMarkup(text: string, random: () => number): string {
  const words = text.split(' ');
  const out = words.map(escapeHtml);
  if (words.length > 8 && random() < 0.6) {
    const at = 1 + Math.floor(random() * (words.length - 4));
    const length = 1 + Math.floor(random() * 3);
    out[at] = `<a href="/story/${Math.floor(random() * 1e6)}">${out[at]!}`;
    out[at + length - 1] = `${out[at + length - 1]!}</a>`;
  }
  if (words.length > 12 && random() < 0.25) {
    const at = words.length - 3;
    out[at] = `<em>${out[at]!}</em>`;
  }
  return out.join(' ');
}

function headline(paragraph: string): string {
  const words = paragraph.split(/\s+/).slice(0, 7).join(' ');
  return words.replace(/[.,;:]$/, '');
}

/** The ~1 MB front page's HTML, the same on every run. */
export function newsFrontPage(): string {
  const random = seededRandom(7);
  const segments = newsPage();
  const nav = SECTIONS.map((s) => `<a href="/${s.toLowerCase()}">${s}</a>`).join('\n');
  const stories: string[] = [];
  const mostRead: string[] = [];
  for (let i = 0, story = 0; i < segments.length; story++) {
    const count = 4 + Math.floor(random() * 4);
    const paragraphs = segments.slice(i, i + count).map((s) => s.text);
    i += count;
    const title = escapeHtml(headline(paragraphs[0]!));
    if (story % 25 === 0) mostRead.push(`<li><a href="#s${story}">${title}</a></li>`);
    stories.push(
      [
        `<article id="s${story}">`,
        `<h2><a href="#s${story}">${title}</a></h2>`,
        `<p class="byline">By <a href="/author/${story % REPORTERS.length}">${REPORTERS[story % REPORTERS.length]!}</a> · <time>${1 + (story % 28)} March 2019</time></p>`,
        ...paragraphs.map((p) => `<p>${inlineMarkup(p, random)}</p>`),
        `</article>`,
      ].join('\n'),
    );
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The Daily Ledger — front page (FactLens bench page)</title>
<style>
  body { margin: 0; font: 17px/1.55 Georgia, serif; color: #1b1b1b; background: #fff; }
  header { border-bottom: 3px double #333; padding: 10px 24px; font: 700 14px/1.4 system-ui, sans-serif; }
  header nav a { margin-right: 14px; color: #333; }
  .layout { display: flex; gap: 32px; max-width: 1100px; margin: 0 auto; padding: 16px 24px; }
  main { flex: 1; min-width: 0; }
  aside { width: 260px; font: 14px/1.4 system-ui, sans-serif; }
  article { border-bottom: 1px solid #ddd; padding-bottom: 12px; }
  h2 { font-size: 24px; line-height: 1.25; margin: 18px 0 6px; }
  h2 a { color: inherit; text-decoration: none; }
  .byline { font: 13px/1.4 system-ui, sans-serif; color: #666; }
  footer { font: 13px/1.5 system-ui, sans-serif; color: #555; border-top: 1px solid #ddd; padding: 12px 24px; }
</style>
</head>
<body>
<header><div class="brand">The Daily Ledger</div><nav>
${nav}
</nav></header>
<div class="layout">
<main>
${stories.join('\n')}
</main>
<aside><h3>Most read</h3><ol>
${mostRead.join('\n')}
</ol></aside>
</div>
<footer><p>© 2019 The Daily Ledger. <a href="/about">About us</a> · <a href="/contact">Contact</a></p></footer>
</body>
</html>
`;
}

/** tests/pages/demo.html, byte for byte (served with the isolation headers). */
export function demoPage(): string {
  return readFileSync(join(PAGES_DIR, 'demo.html'), 'utf8');
}
