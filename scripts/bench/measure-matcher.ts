/**
 * Measurements for the matcher bench: scan times beside the floors and peers, interleaved in one
 * process, and index build times, repeated and in fresh processes.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createMatcher } from '../../utils/matcher.ts';
import type { CompiledMatcherIndex, MatchableEntry, TextSegment } from '../../utils/types.ts';
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

/** A dataset and the alias table the data build compiled for it. */
export interface Dataset {
  entries: readonly MatchableEntry[];
  compiled: CompiledMatcherIndex;
}

export function timePage(
  segments: readonly TextSegment[],
  realDataset: Dataset,
  tenfoldDataset: Dataset,
): PageTimes {
  const real = realDataset.entries;
  const tenfold = tenfoldDataset.entries;
  const matcher = createMatcher(real, { compiled: realDataset.compiled });
  const tenfoldMatcher = createMatcher(tenfold, { compiled: tenfoldDataset.compiled });
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

/** Index build from the shipped alias table, repeated in one process (its code optimised). */
export function warmBuildMs({ entries, compiled }: Dataset): number {
  const build = () => createMatcher(entries, { compiled });
  for (let k = 0; k < 3; k++) build();
  return median(Array.from({ length: BUILD_RUNS }, () => timeOnce(build)));
}

/**
 * Index build first thing in fresh processes, from `shipped` (see `shippedMatcherJson`): the
 * median milliseconds of parsing it and building the matcher, and of the build alone.
 */
export function freshProcessBuildMs(shipped: string): { total: number; build: number } {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const samples = Array.from({ length: FRESH_PROCESSES }, () => {
    const run = spawnSync(tsx, ['scripts/bench/cold-build.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      input: shipped,
    });
    const [total, build] = run.stdout.trim().split(' ').map(Number.parseFloat);
    if (
      run.status !== 0 ||
      total === undefined ||
      build === undefined ||
      Number.isNaN(total + build)
    ) {
      throw new Error(`cold build failed: ${run.stderr}`);
    }
    return { total, build };
  });
  return {
    total: median(samples.map((sample) => sample.total)),
    build: median(samples.map((sample) => sample.build)),
  };
}
