import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, it } from 'vitest';
import type { BrowserName } from '../../../scripts/lib/find-browser.ts';
import { RESULTS_DIR } from '../../../scripts/lib/paths.ts';

/**
 * What the reliability report adds up: every hostile or real-world fixture records what it
 * measured, whether it passed, and writes it to test-results/reliability/ for `npm run report`.
 * A figure left out was not measured by that fixture (not zero).
 */
export interface Figures {
  /** Characters of page text that differ from the page as it was without FactLens. */
  textCharsChanged: number;
  /** Elements in the page beyond its own, not counting the card's host. */
  nodesAddedOutsideHost: number;
  /** Console errors whose source is FactLens (its scripts, or "Extension context invalidated"). */
  factlensErrors: number;
  /** Content-Security-Policy or Trusted Types violations reported by the page. */
  violations: number;
  /** Canary functions that script-like page text managed to call. */
  canariesFired: number;
  spoofsTried: number;
  /** Spoofed messages, events or clicks after which anything changed. */
  spoofsAccepted: number;
  /** JS heap added after GC by 200 route changes (bytes; Chromium). */
  heapGrowthBytes: number;
  /** DOM nodes still alive after GC, beyond those at the start (Chromium). */
  nodeGrowth: number;
  /** Longest main-thread task of FactLens' content script while scanning (Chromium, CPU ms). */
  longestTaskMs: Record<string, number>;
  /** The task that first ran the content script (compile and start), by page (Chromium, ms). */
  startupTaskMs: Record<string, number>;
  /**
   * Longest the page's own task loop waited while FactLens scanned (Firefox, which has no trace
   * to attribute tasks by; an upper bound, the browser's own layout and paint included).
   */
  pageWaitMs: Record<string, number>;
  /** The same wait on the same page with FactLens off for the site: the browser's own share. */
  pageWaitOffMs: Record<string, number>;
  /** Longest evaluation round trip while scanning (ms), by page. */
  roundTripMs: Record<string, number>;
  /** Requests made by FactLens (Chromium: by initiator; Firefox: to anything but the test's servers). */
  networkRequests: number;
}

export interface FixtureRecord {
  browser: BrowserName;
  suite: string;
  fixture: string;
  passed: boolean;
  figures: Partial<Figures>;
  /** What the fixture found worth saying beside its figures (e.g. which case a browser ran). */
  notes: string[];
}

export type RecordFigures = Partial<Figures> & { note?: string };

export const RELIABILITY_DIR = join(RESULTS_DIR, 'reliability');

/** Adds `more` to `into`: counts add up, per-page figures merge. */
export function mergeFigures(into: Partial<Figures>, more: Partial<Figures>): void {
  for (const [key, value] of Object.entries(more) as Array<[keyof Figures, unknown]>) {
    if (typeof value === 'number') {
      const before = into[key];
      (into as Record<string, number>)[key] = (typeof before === 'number' ? before : 0) + value;
    } else if (value && typeof value === 'object') {
      const before = (into[key] ?? {}) as Record<string, number>;
      (into as Record<string, unknown>)[key] = { ...before, ...(value as Record<string, number>) };
    }
  }
}

/**
 * The ledger of one suite in one browser. `fixture(name, fn)` is `it(name, …)` that also records
 * the test's figures and outcome; the file is written when the suite ends.
 */
export function createLedger(fileUrl: string, browser: () => BrowserName) {
  const records: FixtureRecord[] = [];
  const suite = basename(new URL(fileUrl).pathname).replace(/\.test\.ts$/, '');
  afterAll(() => {
    if (!records.length) return;
    mkdirSync(RELIABILITY_DIR, { recursive: true });
    const out = join(RELIABILITY_DIR, `${suite}-${records[0]!.browser}.json`);
    writeFileSync(out, JSON.stringify(records, null, 1));
  });
  return {
    fixture(name: string, fn: (record: (figures: RecordFigures) => void) => Promise<void>) {
      it(name, async () => {
        const entry: FixtureRecord = {
          browser: browser(),
          suite,
          fixture: name,
          passed: false,
          figures: {},
          notes: [],
        };
        records.push(entry);
        await fn(({ note, ...figures }) => {
          if (note) entry.notes.push(note);
          mergeFigures(entry.figures, figures);
        });
        entry.passed = true;
      });
    },
  };
}
