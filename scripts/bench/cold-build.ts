/**
 * One index build in a fresh process, as at a page's start-up: no code compiled or optimised yet.
 * The dataset arrives on standard input as the JSON the extension ships for the matcher (the
 * entries and the alias table the data build compiled for them: see `shippedMatcherJson`); what
 * is timed is what a content script does with it: parse it, then build the matcher. The heap is
 * collected first, so the figures are the build's own. Prints the milliseconds of parse + build,
 * then of the build alone. Run by the bench: `tsx scripts/bench/cold-build.ts < shipped.json`.
 */
import { readFileSync } from 'node:fs';
import { createMatcher } from '../../utils/matcher.ts';
import type { ShippedMatcherData } from './tenfold.ts';
import { collectGarbage } from './heap.ts';

const json = readFileSync(0, 'utf8');
collectGarbage();
const started = performance.now();
const { entries, matcher } = JSON.parse(json) as ShippedMatcherData;
const parsed = performance.now();
createMatcher(entries, { compiled: matcher });
const built = performance.now();
console.log(`${(built - started).toFixed(3)} ${(built - parsed).toFixed(3)}`);
