/**
 * Measurements for the matcher bench: scan times beside the floors and peers, interleaved in one
 * process, and index build times, repeated and in fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createMatcher } from '../../utils/matcher.ts';
import type { MatchableEntry, TextSegment } from '../../utils/types.ts';
import {
  combinedRegExpScan,
  fuseEveryWord,
  pageWords,
  regExpPerAliasScan,
  unicodeRegExpScan,
} from './peers.ts';
import { interleavedMedians, median, timeOnce } from './timing.ts';

const ROOT = join(import.meta.dirname, '../..');
export const SCAN_RUNS = 15;
export const PEER_RUNS = 5;
export const BUILD_RUNS = 15;
export const FRESH_PROCESSES = 5;
export const FUSE_SAMPLE_WORDS = 2000;

export interface PageTimes {
  matcher: number;
  floor: number;
  unicodeFloor: number;
  tenfold: number;
  tenfoldFloor: number;
  perAlias: number;
  fuse: number;
}

export function timePage(
  segments: readonly TextSegment[],
  real: readonly MatchableEntry[],
  tenfold: readonly MatchableEntry[],
): PageTimes {
  const matcher = createMatcher(real);
  const tenfoldMatcher = createMatcher(tenfold);
  const floor = combinedRegExpScan(real);
  const unicodeFloor = unicodeRegExpScan(real);
  const tenfoldFloor = combinedRegExpScan(tenfold);
  const medians = interleavedMedians(
    {
      matcher: () => matcher.findMentions(segments),
      floor: () => floor(segments),
      unicodeFloor: () => unicodeFloor(segments),
      tenfold: () => tenfoldMatcher.findMentions(segments),
      tenfoldFloor: () => tenfoldFloor(segments),
    },
    SCAN_RUNS,
  );
  const perAlias = regExpPerAliasScan(real);
  const perAliasMedian = median(
    Array.from({ length: PEER_RUNS }, () => timeOnce(() => perAlias(segments))),
  );
  const words = pageWords(segments);
  const sample = words.slice(0, FUSE_SAMPLE_WORDS);
  const fuse = fuseEveryWord(real);
  const sampleMedian = median(
    Array.from({ length: PEER_RUNS }, () => timeOnce(() => fuse(sample))),
  );
  return {
    matcher: medians.matcher!,
    floor: medians.floor!,
    unicodeFloor: medians.unicodeFloor!,
    tenfold: medians.tenfold!,
    tenfoldFloor: medians.tenfoldFloor!,
    perAlias: perAliasMedian,
    fuse: (sampleMedian / sample.length) * words.length,
  };
}

export function warmBuildMs(entries: readonly MatchableEntry[]): number {
  for (let k = 0; k < 3; k++) createMatcher(entries);
  return median(Array.from({ length: BUILD_RUNS }, () => timeOnce(() => createMatcher(entries))));
}

export function freshProcessBuildMs(dataset: 'real' | 'tenfold'): number {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const samples = Array.from({ length: FRESH_PROCESSES }, () => {
    const run = spawnSync(tsx, ['scripts/bench/cold-build.ts', dataset], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const ms = Number.parseFloat(run.stdout);
    if (run.status !== 0 || Number.isNaN(ms)) throw new Error(`cold build failed: ${run.stderr}`);
    return ms;
  });
  return median(samples);
}
