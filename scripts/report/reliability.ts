import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Figures, FixtureRecord } from '../../tests/e2e/hostile/ledger.ts';

/**
 * The reliability report from the records the hostile and real-world suites write to
 * test-results/reliability/ (one JSON file per suite and browser).
 */

export interface Loaded {
  records: FixtureRecord[];
  /** When the newest record file was written. */
  newest: Date | null;
}

export function loadRecords(dir: string): Loaded {
  if (!existsSync(dir)) return { records: [], newest: null };
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const records = files.flatMap(
    (f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FixtureRecord[],
  );
  const times = files.map((f) => statSync(join(dir, f)).mtimeMs);
  return { records, newest: times.length ? new Date(Math.max(...times)) : null };
}

type CountKey = {
  [K in keyof Figures]: Figures[K] extends number ? K : never;
}[keyof Figures];
type PageKey = Exclude<keyof Figures, CountKey>;

const BROWSERS = ['chromium', 'firefox'] as const;

/** Sum of a count over a browser's records, and how many records measured it. */
function total(records: FixtureRecord[], key: CountKey): { sum: number; measured: number } {
  const measured = records.filter((r) => typeof r.figures[key] === 'number');
  return {
    sum: measured.reduce((s, r) => s + (r.figures[key] ?? 0), 0),
    measured: measured.length,
  };
}

function perPage(records: FixtureRecord[], key: PageKey): Record<string, number> {
  return Object.assign({}, ...records.map((r) => r.figures[key] ?? {})) as Record<string, number>;
}

const pad = (s: string, n: number) => s.padEnd(n);
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

export function formatReport({ records, newest }: Loaded): string[] {
  const out: string[] = [];
  const of = (b: string) => records.filter((r) => r.browser === b);
  out.push(`FactLens reliability report${newest ? ` (fixtures run ${newest.toISOString()})` : ''}`);
  if (!records.length) return [...out, '  No results: run "npm run report -- --run".'];

  out.push('', 'Fixtures passed / tried');
  for (const b of BROWSERS) {
    const suites = [...new Set(of(b).map((r) => r.suite))].sort();
    const parts = suites.map((s) => {
      const rs = of(b).filter((r) => r.suite === s);
      return `${s} ${rs.filter((r) => r.passed).length}/${rs.length}`;
    });
    const all = of(b);
    out.push(
      `  ${pad(b, 9)} ${all.filter((r) => r.passed).length}/${all.length}   ${parts.join(' · ')}`,
    );
  }
  const failed = records.filter((r) => !r.passed);
  if (failed.length) {
    out.push('', 'Failing fixtures');
    for (const r of failed) out.push(`  ✗ ${pad(r.browser, 9)} ${r.suite}: ${r.fixture}`);
  }

  const row = (label: string, key: CountKey, note = '') => {
    const cells = BROWSERS.map((b) => {
      const { sum, measured } = total(of(b), key);
      return measured ? `${sum}` : 'not measured';
    });
    const measured = BROWSERS.map((b) => total(of(b), key).measured);
    out.push(
      `  ${pad(label, 40)} ${BROWSERS.map((b, i) => `${b} ${pad(cells[i]!, 4)}`).join('  ')}  (over ${measured.join(' / ')} fixtures)${note}`,
    );
  };
  out.push(
    '',
    'What the page and the reader would notice (sums over the fixtures that measure it)',
  );
  row('page text characters changed', 'textCharsChanged');
  row('DOM nodes added outside the card host', 'nodesAddedOutsideHost');
  row('console errors caused by FactLens', 'factlensErrors');
  row('CSP or Trusted Types violations', 'violations');
  row('canaries fired by page text', 'canariesFired');
  row('spoofed messages/events/clicks accepted', 'spoofsAccepted');
  row('spoofed messages/events/clicks tried', 'spoofsTried');
  row('network requests made by FactLens', 'networkRequests', '  (must be 0)');

  out.push('', 'Memory after 200 single-page-app routes (after GC, from route 20 to route 200)');
  for (const b of BROWSERS) {
    const heap = total(of(b), 'heapGrowthBytes');
    const nodes = total(of(b), 'nodeGrowth');
    out.push(
      `  ${pad(b, 9)} ${heap.measured ? `heap ${mb(heap.sum)} (budget 5 MB), live DOM nodes ${nodes.sum >= 0 ? '+' : ''}${nodes.sum}` : 'not measurable (no DevTools protocol)'}`,
    );
  }

  out.push('', 'Longest tasks while scanning huge pages');
  const pages = (b: string, key: PageKey, unit: string) =>
    Object.entries(perPage(of(b), key))
      .map(([p, v]) => `${p} ${v} ${unit}`)
      .join(' · ') || 'not measured';
  out.push(`  chromium  FactLens' longest task (CPU): ${pages('chromium', 'longestTaskMs', 'ms')}`);
  out.push(`            its script's first run:       ${pages('chromium', 'startupTaskMs', 'ms')}`);
  out.push(
    `  firefox   longest wait of the page's own loop (FactLens and the browser's own work): ${pages('firefox', 'pageWaitMs', 'ms')}`,
  );
  out.push(
    `            the same, FactLens off for the site (the browser's own work):            ${pages('firefox', 'pageWaitOffMs', 'ms')}`,
  );
  for (const b of BROWSERS)
    out.push(`  ${pad(b, 9)} slowest round trip to the page: ${pages(b, 'roundTripMs', 'ms')}`);
  out.push(
    '  (budgets: the bench holds tasks to 10 ms on a quiet machine; these runs assert no task over 50 ms',
  );
  out.push(
    '   and round trips under 500 ms, on two cores shared with the browsers and other work)',
  );

  const notes = records.filter((r) => r.notes?.length);
  if (notes.length) {
    out.push('', 'Notes');
    for (const r of notes) {
      for (const note of r.notes) out.push(`  ${pad(r.browser, 9)} ${r.suite}: ${note}`);
    }
  }
  return out;
}
